namespace Credstack.Skills.Synthetic;

/// <summary>Explanation faithfulness.</summary>
/// <param name="MaxError">The largest |Σ feature contributions − score| or |Σ requirement contributions + title − score| over all explanations.</param>
/// <param name="Checked">Explanations checked.</param>
public sealed record ExplanationMetrics(double MaxError, int Checked);
