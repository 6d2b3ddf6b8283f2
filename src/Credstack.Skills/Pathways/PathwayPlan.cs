namespace Credstack.Skills.Pathways;

/// <summary>A learning path, or why there is none.</summary>
/// <param name="Feasible">True when the path closes the requested share of the gap.</param>
/// <param name="Problems">Why the request is infeasible or invalid, and notes (cycles, oversized credentials).</param>
/// <param name="UntaughtSkills">Gap skills that no credential in the catalogue teaches at the level needed.</param>
/// <param name="Credentials">The credentials to take, in term order.</param>
/// <param name="Terms">The credentials by term under the hours budget.</param>
/// <param name="Coverage">Which credential closes which gap skill.</param>
/// <param name="TotalPrice">Σ price.</param>
/// <param name="TotalHours">Σ hours.</param>
/// <param name="CompletedQualifications">Qualifications the path (with held credentials) completes.</param>
public sealed record PathwayPlan(
    bool Feasible,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> UntaughtSkills,
    IReadOnlyList<CatalogCredential> Credentials,
    IReadOnlyList<PathwayTerm> Terms,
    IReadOnlyList<SkillCoverage> Coverage,
    double TotalPrice,
    double TotalHours,
    IReadOnlyList<string> CompletedQualifications)
{
    internal static PathwayPlan Infeasible(IReadOnlyList<string> problems, IReadOnlyList<string>? untaught = null) =>
        new(false, problems, untaught ?? [], [], [], [], 0, 0, []);
}
