// Open Badges 3.0 §B, Criteria: a criteria page (id) and/or a Markdown narrative.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Model;

/// <summary>What a learner must do to earn an achievement.</summary>
public sealed record Criteria
{
    /// <summary>The URI of a page describing the criteria.</summary>
    public string? Id { get; init; }

    /// <summary>The criteria in Markdown.</summary>
    public string? Narrative { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
