namespace Credstack.Skills.Matching;

/// <summary>One ranked result: a candidate for a job, or a job for a person.</summary>
/// <param name="Id">The person or job id.</param>
/// <param name="Score">The score the ranking used.</param>
/// <param name="Explanation">The explanation (for the top results only).</param>
public sealed record MatchResult(string Id, double Score, MatchExplanation? Explanation);
