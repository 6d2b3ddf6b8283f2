namespace Credstack.Skills.Synthetic;

/// <summary>The baselines on the same job → candidates task.</summary>
/// <param name="Jaccard">Jaccard similarity between the raw skill ids in the evidence and the job's skill ids.</param>
/// <param name="Bm25">BM25 (k1 1.2, b 0.75) of the job's skill labels against the text of the evidence's labels.</param>
public sealed record BaselineMetrics(RankingMetrics Jaccard, RankingMetrics Bm25);
