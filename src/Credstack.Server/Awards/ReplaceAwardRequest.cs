namespace Credstack.Server.Awards;

/// <summary>
/// <c>POST …/awards/{id}/replace</c>: a new credential for the same recipient and achievement (the
/// latest version unless one is given), with new narrative, evidence or results when given, else the old ones are not carried over.
/// </summary>
internal sealed record ReplaceAwardRequest(
    long? AchievementVersion = null,
    string? Narrative = null,
    IReadOnlyList<AwardEvidenceRequest>? Evidence = null,
    IReadOnlyList<AwardResultRequest>? Results = null,
    bool? Notify = null,
    string? Cryptosuite = null);
