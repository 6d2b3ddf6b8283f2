// VC Data Model 2.0 §5.4 / Open Badges 3.0 §B, RefreshService (1EdTechCredentialRefresh).
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Model;

/// <summary>Where a newer version of the credential can be fetched.</summary>
public sealed record RefreshService
{
    /// <summary>The refresh URL.</summary>
    public required string Id { get; init; }

    /// <summary>The refresh method, e.g. <c>1EdTechCredentialRefresh</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Properties this model does not name, kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
