namespace Credstack.Skills.Pathways;

/// <summary>Which credential of a path closes which gap skill.</summary>
/// <param name="SkillId">The gap skill.</param>
/// <param name="CredentialId">The (first, by term) credential that teaches it at the level needed.</param>
public sealed record SkillCoverage(string SkillId, string CredentialId);
