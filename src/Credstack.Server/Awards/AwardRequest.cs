namespace Credstack.Server.Awards;

/// <summary>
/// <c>POST /api/v1/orgs/{orgId}/awards</c> (and each item of a batch): award an achievement (its
/// latest version unless <paramref name="AchievementVersion"/> is given) to a recipient.
/// </summary>
/// <param name="Notify">E-mail recipients get a claim link unless this is false.</param>
/// <param name="Cryptosuite">A Data Integrity cryptosuite; the configured default when absent.</param>
internal sealed record AwardRequest(
    string? AchievementId,
    long? AchievementVersion,
    AwardRecipientRequest? Recipient,
    string? Narrative = null,
    IReadOnlyList<AwardEvidenceRequest>? Evidence = null,
    IReadOnlyList<AwardResultRequest>? Results = null,
    bool? Notify = null,
    string? Cryptosuite = null);
