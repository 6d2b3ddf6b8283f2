namespace Credstack.Skills.Taxonomies;

/// <summary>A skill or knowledge concept of a taxonomy (an ESCO skill, an O*NET element or technology).</summary>
/// <param name="Id">The taxonomy's own identifier (ESCO <c>ID</c>, O*NET <c>Element ID</c>).</param>
/// <param name="Uri">The concept URI that credentials align to (<c>targetUrl</c> of an OB 3.0 alignment).</param>
/// <param name="PreferredLabel">The preferred label.</param>
public sealed record Skill(string Id, string Uri, string PreferredLabel)
{
    /// <summary>Alternative labels (synonyms) used for matching free text.</summary>
    public IReadOnlyList<string> AltLabels { get; init; } = [];

    /// <summary>Hidden labels (misspellings, old names): matched, never shown.</summary>
    public IReadOnlyList<string> HiddenLabels { get; init; } = [];

    /// <summary>The ESCO skill type (<c>skill/competence</c>, <c>knowledge</c>) or the O*NET domain.</summary>
    public string SkillType { get; init; } = "skill/competence";

    /// <summary>The ESCO reuse level (transversal, cross-sector, sector-specific, occupation-specific), empty when unknown.</summary>
    public string ReuseLevel { get; init; } = "";

    /// <summary>A code from the source (the O*NET element id or commodity code), when it has one.</summary>
    public string? Code { get; init; }

    /// <summary>Ids of broader skills.</summary>
    public IReadOnlyList<string> Broader { get; init; } = [];

    /// <summary>Ids of narrower skills.</summary>
    public IReadOnlyList<string> Narrower { get; init; } = [];

    /// <summary>Ids of related skills (ESCO skill-to-skill relations, both directions).</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>Ids of the skill groups that contain this skill.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
}
