namespace Credstack.Server.Awards;

/// <summary>A validated award request, normalised: what <see cref="AwardIssuer"/> turns into a credential.</summary>
/// <param name="Replaces">The award this one replaces, with <paramref name="ReplacedCredential"/> its signed bytes.</param>
internal sealed record AwardDraft(
    string AchievementId,
    long? AchievementVersion,
    string RecipientType,
    string Recipient,
    string? Narrative,
    IReadOnlyList<AwardEvidenceRequest>? Evidence,
    IReadOnlyList<AwardResultRequest>? Results,
    string Cryptosuite,
    bool Notify,
    Award? Replaces,
    byte[]? ReplacedCredential);
