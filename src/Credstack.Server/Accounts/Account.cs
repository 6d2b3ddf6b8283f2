namespace Credstack.Server.Accounts;

/// <summary>A stored person (staff of organizations, a learner, or both). Never sent on the wire: see <see cref="AccountResponse"/>.</summary>
internal sealed class Account
{
    public required string Id { get; init; }

    /// <summary>Trimmed and lower-cased: the sign-in name.</summary>
    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public required string PasswordHash { get; init; }

    public long FailedSignIns { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
