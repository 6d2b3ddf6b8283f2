namespace Credstack.Server.OAuth;

/// <summary>A stored access or refresh token: only the SHA-256 of its secret is kept.</summary>
internal sealed class OAuthToken
{
    public const string Access = "access";
    public const string Refresh = "refresh";

    public required string Id { get; init; }

    /// <summary><see cref="Access"/> or <see cref="Refresh"/>.</summary>
    public required string Kind { get; init; }

    public required string SecretHash { get; init; }

    /// <summary>The authorization grant (one consent) the token descends from; revoking a grant revokes every token in it.</summary>
    public required string GrantId { get; init; }

    public required string ClientId { get; init; }

    public required string AccountId { get; init; }

    /// <summary>Space-separated.</summary>
    public required string Scope { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Refresh tokens: when it was exchanged for new tokens (rotation); presenting it again is a replay.</summary>
    public DateTimeOffset? UsedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public IReadOnlyList<string> ScopeList => OAuthScopes.Parse(Scope);

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && UsedAt is null && ExpiresAt > now;
}
