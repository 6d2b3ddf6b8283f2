// Open Badges 3.0 §B, EndorsementSubject.
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>What an endorsement endorses (a profile, an achievement or a credential) and the endorser's comment.</summary>
public sealed record EndorsementSubject
{
    /// <summary>The id of the endorsed thing.</summary>
    public required string Id { get; init; }

    /// <summary>Contains <c>EndorsementSubject</c>.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["EndorsementSubject"];

    /// <summary>The endorser's comment (Markdown).</summary>
    public string? EndorsementComment { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
