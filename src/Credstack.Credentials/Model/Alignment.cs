// Open Badges 3.0 §B, Alignment: a node in an educational framework (skills, standards).
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>An alignment of an achievement or result to a framework node (a skill, a competency, a standard).</summary>
public sealed record Alignment
{
    /// <summary>Contains <c>Alignment</c>.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["Alignment"];

    /// <summary>The node's code in the framework.</summary>
    public string? TargetCode { get; init; }

    /// <summary>A short description of the node.</summary>
    public string? TargetDescription { get; init; }

    /// <summary>The node's name.</summary>
    public required string TargetName { get; init; }

    /// <summary>The framework's name.</summary>
    public string? TargetFramework { get; init; }

    /// <summary>An <see cref="AlignmentTargetType"/> value or an <c>ext:</c> term.</summary>
    public string? TargetType { get; init; }

    /// <summary>The URL of the node.</summary>
    public required string TargetUrl { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
