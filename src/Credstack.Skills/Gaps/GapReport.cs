namespace Credstack.Skills.Gaps;

/// <summary>A profile against a target: every requirement with its contribution; the totals are exact sums of them.</summary>
/// <param name="TargetId">The occupation or job id.</param>
/// <param name="Requirements">One line per requirement, in the target's order.</param>
/// <param name="Readiness">Σ contributions: the weighted share of the target covered (0–1).</param>
/// <param name="MustHaveReadiness">Σ weight × credit over must-haves / their total weight (1 when there are none).</param>
/// <param name="NiceToHaveReadiness">Σ weight × credit over nice-to-haves / their total weight (1 when there are none).</param>
/// <param name="TotalWeight">Σ weights.</param>
public sealed record GapReport(string TargetId, IReadOnlyList<RequirementResult> Requirements, double Readiness, double MustHaveReadiness, double NiceToHaveReadiness, double TotalWeight)
{
    /// <summary>Requirements that are not met (partial or missing): the gap to close.</summary>
    public IEnumerable<RequirementResult> Gap => Requirements.Where(r => r.Status != RequirementStatus.Met);

    /// <summary>Must-haves that are missing entirely.</summary>
    public IEnumerable<RequirementResult> MissingMustHaves => Requirements.Where(r => r.Requirement.MustHave && r.Status == RequirementStatus.Missing);
}
