namespace Credstack.Skills.Pathways;

/// <summary>A skill a credential teaches, and to what level.</summary>
/// <param name="SkillId">The skill.</param>
/// <param name="Level">The level 0–7 a holder reaches.</param>
public sealed record TaughtSkill(string SkillId, int Level = 3);
