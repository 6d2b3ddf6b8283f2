namespace Credstack.Skills.Synthetic;

/// <summary>Everything the synthetic benchmark measures.</summary>
/// <param name="Setup">The world and index sizes.</param>
/// <param name="JobToCandidates">Job → candidates ranking.</param>
/// <param name="PersonToJobs">Person → jobs ranking.</param>
/// <param name="Gap">Gap detection.</param>
/// <param name="Pathways">Learning paths against the exact optimum.</param>
/// <param name="Baselines">Jaccard and BM25 on job → candidates.</param>
/// <param name="Explanations">Explanation faithfulness.</param>
/// <param name="Normalisation">Label normalisation.</param>
public sealed record BenchmarkReport(BenchmarkSetup Setup, RankingMetrics JobToCandidates, RankingMetrics PersonToJobs, GapMetrics Gap, PathwayMetrics Pathways, BaselineMetrics Baselines, ExplanationMetrics Explanations, NormalisationMetrics Normalisation);
