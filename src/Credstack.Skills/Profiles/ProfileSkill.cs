namespace Credstack.Skills.Profiles;

/// <summary>What a profile knows about one skill, with the chain of evidence behind it.</summary>
/// <param name="SkillId">The skill.</param>
/// <param name="Level">The level stated by the most trusted evidence that states one (highest on ties); null when none does.</param>
/// <param name="Trust">The weight of the most trusted evidence.</param>
/// <param name="Confidence">All evidence combined as a noisy-or: 1 − Π(1 − weight).</param>
/// <param name="Verified">True when a verified credential proves the skill.</param>
/// <param name="LastEvidenceOn">The date of the most recent dated evidence.</param>
/// <param name="Evidence">Every piece of evidence for the skill, most trusted first.</param>
public sealed record ProfileSkill(string SkillId, int? Level, double Trust, double Confidence, bool Verified, DateTimeOffset? LastEvidenceOn, IReadOnlyList<WeightedEvidence> Evidence);
