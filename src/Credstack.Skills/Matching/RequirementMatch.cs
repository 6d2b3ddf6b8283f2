using Credstack.Skills.Profiles;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Matching;

/// <summary>How one requirement was matched and what it adds to the score.</summary>
/// <param name="Requirement">The requirement.</param>
/// <param name="MatchedSkillId">The person's skill used (null when missing).</param>
/// <param name="Relation">Exact, narrower, broader or related.</param>
/// <param name="RelationFactor">The credit of the relation.</param>
/// <param name="Verified">True when a verified credential proves the matched skill.</param>
/// <param name="LevelFit">The level factor.</param>
/// <param name="Recency">The recency factor.</param>
/// <param name="Contribution">What this requirement adds to the score (the title line is separate).</param>
/// <param name="Evidence">The evidence chain for the matched skill.</param>
public sealed record RequirementMatch(SkillRequirement Requirement, string? MatchedSkillId, SkillRelation? Relation, double RelationFactor, bool Verified, double LevelFit, double Recency, double Contribution, IReadOnlyList<WeightedEvidence> Evidence);
