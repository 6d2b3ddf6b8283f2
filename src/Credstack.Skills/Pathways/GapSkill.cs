namespace Credstack.Skills.Pathways;

/// <summary>A skill to close, and the level needed.</summary>
/// <param name="SkillId">The skill.</param>
/// <param name="Level">The level needed; null accepts any level taught.</param>
public sealed record GapSkill(string SkillId, int? Level = null);
