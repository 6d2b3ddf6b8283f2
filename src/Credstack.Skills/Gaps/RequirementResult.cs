using Credstack.Skills.Profiles;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Gaps;

/// <summary>One requirement of a target against a profile, with the arithmetic behind its contribution.</summary>
/// <param name="Requirement">The requirement.</param>
/// <param name="Status">Met, partial or missing.</param>
/// <param name="MatchedSkillId">The profile skill used, when any.</param>
/// <param name="Relation">How the matched skill relates to the required one.</param>
/// <param name="RelationFactor">The credit for the relation (1 exact).</param>
/// <param name="LevelFactor">The credit for the level (1 when the level is enough).</param>
/// <param name="Trust">The trust of the best evidence for the matched skill.</param>
/// <param name="Credit">RelationFactor × LevelFactor × Trust (0 when missing).</param>
/// <param name="Weight">The requirement's weight.</param>
/// <param name="Contribution">Weight × Credit / total weight: the readiness this requirement adds.</param>
/// <param name="Evidence">The evidence chain for the matched skill.</param>
/// <param name="Reason">A sentence saying why.</param>
public sealed record RequirementResult(
    SkillRequirement Requirement,
    RequirementStatus Status,
    string? MatchedSkillId,
    SkillRelation? Relation,
    double RelationFactor,
    double LevelFactor,
    double Trust,
    double Credit,
    double Weight,
    double Contribution,
    IReadOnlyList<WeightedEvidence> Evidence,
    string Reason);
