namespace Credstack.Skills.Profiles;

/// <summary>A person's skills from their evidence.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Skills">Skills by id.</param>
/// <param name="OccupationId">The occupation the person declares (current or last job title, resolved), if any.</param>
public sealed record SkillProfile(string PersonId, IReadOnlyDictionary<string, ProfileSkill> Skills, string? OccupationId = null);
