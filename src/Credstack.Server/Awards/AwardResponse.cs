namespace Credstack.Server.Awards;

/// <summary>An award as the API shows it: its lifecycle, not its signed bytes (see <c>credentialId</c>).</summary>
/// <param name="Status">active, suspended or revoked.</param>
/// <param name="Expired">True when <paramref name="ValidUntil"/> has passed.</param>
/// <param name="StatusListCredential">The revocation list the credential's status entry points to.</param>
internal sealed record AwardResponse(
    string Id,
    string CredentialId,
    string AchievementId,
    long AchievementVersion,
    AwardRecipientResponse Recipient,
    string Status,
    string? StatusReason,
    DateTimeOffset? StatusChangedAt,
    bool Expired,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidUntil,
    string StatusListCredential,
    long StatusListIndex,
    string Cryptosuite,
    string? ReplacesAwardId,
    string? ReplacedByAwardId,
    bool Claimed,
    DateTimeOffset CreatedAt);
