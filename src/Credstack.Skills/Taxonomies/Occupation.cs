namespace Credstack.Skills.Taxonomies;

/// <summary>An occupation with the skills it requires.</summary>
/// <param name="Id">The taxonomy's identifier (ESCO <c>ID</c>, O*NET-SOC code).</param>
/// <param name="Uri">The concept URI.</param>
/// <param name="PreferredLabel">The preferred title.</param>
public sealed record Occupation(string Id, string Uri, string PreferredLabel)
{
    /// <summary>The occupation code (ESCO/ISCO code, O*NET-SOC code).</summary>
    public string? Code { get; init; }

    /// <summary>Alternative titles.</summary>
    public IReadOnlyList<string> AltLabels { get; init; } = [];

    /// <summary>Ids of broader occupations or occupation groups.</summary>
    public IReadOnlyList<string> Broader { get; init; } = [];

    /// <summary>The essential (must-have) and optional (nice-to-have) skills.</summary>
    public IReadOnlyList<SkillRequirement> Requirements { get; init; } = [];
}
