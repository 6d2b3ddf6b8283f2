using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Matching;

/// <summary>
/// The linear re-ranker's weights. score = Σ weight × feature, every feature in [0, 1], so a score is in
/// [0, Σ weights] and each line of an explanation is one product.
/// </summary>
public sealed record MatchWeights
{
    /// <summary>The default weights (sum 1).</summary>
    public static MatchWeights Default { get; } = new();

    /// <summary>Weighted share of requirements the person has (a stand-in counts by its relation factor).</summary>
    public double Coverage { get; init; } = 0.15;

    /// <summary>Weighted share of must-haves the person has, at the level asked (ρ × level fit).</summary>
    public double MustHave { get; init; } = 0.20;

    /// <summary>Weighted share of requirements proven by a verified credential.</summary>
    public double Verified { get; init; } = 0.15;

    /// <summary>Weighted level fit (1 when the level is enough).</summary>
    public double LevelFit { get; init; } = 0.35;

    /// <summary>Title/occupation similarity: 1 same occupation, 0.5 a sibling under the same broader occupation.</summary>
    public double Title { get; init; } = 0.10;

    /// <summary>Weighted recency of the evidence: 0.5^(age / half-life), 0 for undated evidence.</summary>
    public double Recency { get; init; } = 0.05;

    /// <summary>Credit for a narrower skill.</summary>
    public double Narrower { get; init; } = 0.8;

    /// <summary>Credit for a broader skill.</summary>
    public double Broader { get; init; } = 0.5;

    /// <summary>Credit for a related skill.</summary>
    public double Related { get; init; } = 0.4;

    /// <summary>The half-life of evidence recency.</summary>
    public TimeSpan RecencyHalfLife { get; init; } = TimeSpan.FromDays(3 * 365);

    /// <summary>The credit factor of a relation.</summary>
    public double Factor(SkillRelation relation) => relation switch
    {
        SkillRelation.Exact => 1.0,
        SkillRelation.Narrower => Narrower,
        SkillRelation.Broader => Broader,
        _ => Related,
    };
}
