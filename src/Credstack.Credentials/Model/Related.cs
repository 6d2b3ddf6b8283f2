// Open Badges 3.0 §B, Related: another version of the achievement (e.g. a translation).
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>A related achievement, such as the same achievement in another language.</summary>
public sealed record Related
{
    /// <summary>The related achievement's id.</summary>
    public required string Id { get; init; }

    /// <summary>Contains <c>Related</c>.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["Related"];

    /// <summary>Its language (BCP 47).</summary>
    public string? InLanguage { get; init; }

    /// <summary>Its version.</summary>
    public string? Version { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
