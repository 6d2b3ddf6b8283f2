// VC Data Model 2.0 §4.10 / Open Badges 3.0 §B, CredentialStatus: where to check revocation
// (1EdTechRevocationList, BitstringStatusListEntry…). Type-specific properties stay in Extensions.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Model;

/// <summary>The status entry of a credential; the status helper reads its type-specific properties from <see cref="Extensions"/>.</summary>
public sealed record CredentialStatus
{
    /// <summary>The status entry's id (required by the OB schema, optional in VC 2.0).</summary>
    public string? Id { get; init; }

    /// <summary>The status method, e.g. <c>BitstringStatusListEntry</c> or <c>1EdTechRevocationList</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Type-specific properties (statusPurpose, statusListIndex, statusListCredential…).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
