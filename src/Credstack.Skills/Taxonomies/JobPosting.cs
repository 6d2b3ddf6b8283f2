namespace Credstack.Skills.Taxonomies;

/// <summary>A job (or any target) described by the skills it asks for.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Title">The job title.</param>
/// <param name="Requirements">The must-have and nice-to-have skills, with optional importance and level.</param>
/// <param name="OccupationId">The occupation the job belongs to, when known.</param>
public sealed record JobPosting(string Id, string Title, IReadOnlyList<SkillRequirement> Requirements, string? OccupationId = null)
{
    /// <summary>The requirements (never null).</summary>
    public IReadOnlyList<SkillRequirement> Requirements { get; init; } = Requirements ?? [];

    /// <summary>An occupation as a target: its essential and optional skills.</summary>
    public static JobPosting FromOccupation(Occupation occupation)
    {
        ArgumentNullException.ThrowIfNull(occupation);
        return new JobPosting(occupation.Id, occupation.PreferredLabel, occupation.Requirements, occupation.Id);
    }
}
