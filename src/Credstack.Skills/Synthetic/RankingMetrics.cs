namespace Credstack.Skills.Synthetic;

/// <summary>Ranking quality against planted relevance.</summary>
/// <param name="NdcgAt10">Mean nDCG@10 with gain 2^grade − 1 and the ideal ranking over the whole population.</param>
/// <param name="RecallAt100">Mean capped recall: relevant (grade ≥ 2) in the top 100 / min(relevant, 100).</param>
/// <param name="Mrr">Mean reciprocal rank of the first relevant result within the top 100 (0 when none).</param>
/// <param name="Queries">Queries averaged (those with at least one relevant result).</param>
public sealed record RankingMetrics(double NdcgAt10, double RecallAt100, double Mrr, int Queries);
