// Open Badges 3.0 §B, Evidence.
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>Work or testimony supporting the award.</summary>
public sealed record Evidence
{
    /// <summary>The URL of the evidence, when it is online.</summary>
    public string? Id { get; init; }

    /// <summary>Contains <c>Evidence</c>.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["Evidence"];

    /// <summary>A Markdown narrative of the evidence.</summary>
    public string? Narrative { get; init; }

    /// <summary>A name for the evidence.</summary>
    public string? Name { get; init; }

    /// <summary>A short description.</summary>
    public string? Description { get; init; }

    /// <summary>The kind of evidence (e.g. "Research").</summary>
    public string? Genre { get; init; }

    /// <summary>Who the evidence is for.</summary>
    public string? Audience { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
