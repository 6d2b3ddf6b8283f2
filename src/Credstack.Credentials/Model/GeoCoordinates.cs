// Open Badges 3.0 §B, GeoCoordinates.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Model;

/// <summary>A position on Earth.</summary>
public sealed record GeoCoordinates
{
    /// <summary>Always <c>GeoCoordinates</c>.</summary>
    public string Type { get; init; } = "GeoCoordinates";

    /// <summary>Latitude in degrees.</summary>
    public required double Latitude { get; init; }

    /// <summary>Longitude in degrees.</summary>
    public required double Longitude { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
