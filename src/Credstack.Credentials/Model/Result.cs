// Open Badges 3.0 §B, Result.
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>A result the learner obtained (a grade, a score, a status).</summary>
public sealed record Result
{
    /// <summary>Contains <c>Result</c>.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["Result"];

    /// <summary>The id of the rubric level achieved.</summary>
    public string? AchievedLevel { get; init; }

    /// <summary>Alignments of the result.</summary>
    public IReadOnlyList<Alignment>? Alignment { get; init; }

    /// <summary>The id of the <see cref="Model.ResultDescription"/> this result answers.</summary>
    public string? ResultDescription { get; init; }

    /// <summary>A <see cref="ResultStatusType"/> value.</summary>
    public string? Status { get; init; }

    /// <summary>The value obtained.</summary>
    public string? Value { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
