namespace Credstack.Skills.Synthetic;

/// <summary>Gap detection against the latent truth: a requirement is truly a gap when the latent level is below the one asked (or the skill is not held).</summary>
/// <param name="F1">F1 of "gap" (not met) over every requirement of the true occupation, verified cohort.</param>
/// <param name="Precision">Precision, verified cohort.</param>
/// <param name="Recall">Recall, verified cohort.</param>
/// <param name="F1Mixed">F1 on the mixed-evidence population (self-declared, unverified, missing evidence).</param>
/// <param name="Requirements">Requirements judged in the verified cohort.</param>
public sealed record GapMetrics(double F1, double Precision, double Recall, double F1Mixed, int Requirements);
