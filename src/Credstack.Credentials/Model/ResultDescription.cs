// Open Badges 3.0 §B, ResultDescription.
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>Describes a possible result of an achievement (a grade, a score, a rubric).</summary>
public sealed record ResultDescription
{
    /// <summary>The id results refer to.</summary>
    public required string Id { get; init; }

    /// <summary>Contains <c>ResultDescription</c>.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["ResultDescription"];

    /// <summary>Alignments of this result.</summary>
    public IReadOnlyList<Alignment>? Alignment { get; init; }

    /// <summary>The allowed values, ordered low to high.</summary>
    public IReadOnlyList<string>? AllowedValue { get; init; }

    /// <summary>The name of the result.</summary>
    public required string Name { get; init; }

    /// <summary>The id of the rubric level required to earn the achievement.</summary>
    public string? RequiredLevel { get; init; }

    /// <summary>The value required to earn the achievement.</summary>
    public string? RequiredValue { get; init; }

    /// <summary>A <see cref="Model.ResultType"/> value or an <c>ext:</c> term.</summary>
    public required string ResultType { get; init; }

    /// <summary>The levels of a rubric.</summary>
    public IReadOnlyList<RubricCriterionLevel>? RubricCriterionLevel { get; init; }

    /// <summary>The maximum value.</summary>
    public string? ValueMax { get; init; }

    /// <summary>The minimum value.</summary>
    public string? ValueMin { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
