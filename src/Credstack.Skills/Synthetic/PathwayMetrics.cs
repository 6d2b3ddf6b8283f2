namespace Credstack.Skills.Synthetic;

/// <summary>The planner against the exact solver on small instances.</summary>
/// <param name="Instances">Instances solved.</param>
/// <param name="FeasibleShare">Share of exactly-feasible instances the planner also solves.</param>
/// <param name="MeanGap">Mean (planner price − optimum) / optimum.</param>
/// <param name="P95Gap">95th percentile of that gap.</param>
/// <param name="OptimalShare">Share of instances where the planner finds the optimum.</param>
public sealed record PathwayMetrics(int Instances, double FeasibleShare, double MeanGap, double P95Gap, double OptimalShare);
