// VC Data Model 2.0 §5.5 / Open Badges 3.0 §B, TermsOfUse.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Model;

/// <summary>Terms under which the credential was issued.</summary>
public sealed record TermsOfUse
{
    /// <summary>The URI of the terms.</summary>
    public string? Id { get; init; }

    /// <summary>The policy type.</summary>
    public required string Type { get; init; }

    /// <summary>Policy-specific properties, kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
