namespace Credstack.Skills.Profiles;

/// <summary>A profile and the evidence that could not be used.</summary>
/// <param name="Profile">The profile built from the usable evidence.</param>
/// <param name="Problems">Unknown skills, out-of-range levels or results, contradictory levels.</param>
public sealed record ProfileBuildResult(SkillProfile Profile, IReadOnlyList<ProfileProblem> Problems);
