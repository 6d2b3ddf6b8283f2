// Open Badges 3.0 §B, RubricCriterionLevel.
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>One level of a rubric criterion.</summary>
public sealed record RubricCriterionLevel
{
    /// <summary>The level's id (referenced by <see cref="Result.AchievedLevel"/>).</summary>
    public required string Id { get; init; }

    /// <summary>Contains <c>RubricCriterionLevel</c>.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["RubricCriterionLevel"];

    /// <summary>Alignments of this level.</summary>
    public IReadOnlyList<Alignment>? Alignment { get; init; }

    /// <summary>What the level means.</summary>
    public string? Description { get; init; }

    /// <summary>The level's label (e.g. "Mastered").</summary>
    public string? Level { get; init; }

    /// <summary>The level's name.</summary>
    public required string Name { get; init; }

    /// <summary>Points for the level.</summary>
    public string? Points { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
