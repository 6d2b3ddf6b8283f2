namespace Credstack.Skills.Synthetic;

/// <summary>Normalisation of label variants and typos.</summary>
/// <param name="Mrr">Mean reciprocal rank of the right skill in the top 10 (0 when absent).</param>
/// <param name="Top1">Share resolved to the right skill first.</param>
/// <param name="Queries">Queries (one alternative label and one typo per skill).</param>
public sealed record NormalisationMetrics(double Mrr, double Top1, int Queries);
