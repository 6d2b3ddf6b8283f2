namespace Credstack.Server.Awards;

/// <summary>A stored award: one issued credential and its lifecycle. Never on the wire: see <see cref="AwardResponse"/>.</summary>
internal sealed class Award
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string AchievementId { get; init; }

    public long AchievementVersion { get; init; }

    /// <summary><see cref="AwardRecipientTypes.Email"/> or <see cref="AwardRecipientTypes.Did"/>.</summary>
    public required string RecipientType { get; init; }

    /// <summary>The normalised e-mail address or the DID.</summary>
    public required string Recipient { get; init; }

    /// <summary>The credential's <c>id</c>: its public URL.</summary>
    public required string CredentialId { get; init; }

    public required string Cryptosuite { get; init; }

    /// <summary>One of <see cref="AwardStatuses"/>.</summary>
    public required string Status { get; init; }

    public string? StatusReason { get; init; }

    public DateTimeOffset? StatusChangedAt { get; init; }

    public required string StatusListId { get; init; }

    public long StatusListIndex { get; init; }

    public DateTimeOffset ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public string? ReplacesAwardId { get; init; }

    public string? ReplacedByAwardId { get; init; }

    public string? IssuedBy { get; init; }

    public string? ClaimedByAccountId { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public bool IsExpiredAt(DateTimeOffset now) => ValidUntil is { } until && until <= now;
}
