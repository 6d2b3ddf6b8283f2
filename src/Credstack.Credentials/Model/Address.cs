// Open Badges 3.0 §B, Address.
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>A postal address.</summary>
public sealed record Address
{
    /// <summary>Contains <c>Address</c>.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["Address"];

    /// <summary>The country name.</summary>
    public string? AddressCountry { get; init; }

    /// <summary>The ISO 3166-1 alpha-2 country code.</summary>
    public string? AddressCountryCode { get; init; }

    /// <summary>The region (state, province).</summary>
    public string? AddressRegion { get; init; }

    /// <summary>The locality (city).</summary>
    public string? AddressLocality { get; init; }

    /// <summary>The street address.</summary>
    public string? StreetAddress { get; init; }

    /// <summary>The post office box number.</summary>
    public string? PostOfficeBoxNumber { get; init; }

    /// <summary>The postal code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>The coordinates.</summary>
    public GeoCoordinates? Geo { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
