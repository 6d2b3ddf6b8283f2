namespace Credstack.Server.OAuth;

/// <summary>A stored authorization code (RFC 6749 §4.1.2), bound to its client, redirect URI, scopes and PKCE challenge; single use.</summary>
internal sealed class AuthorizationCode
{
    public required string Id { get; init; }

    public required string SecretHash { get; init; }

    /// <summary>Every token issued from this code carries it, so a replayed code can revoke them all (RFC 6749 §4.1.2).</summary>
    public required string GrantId { get; init; }

    public required string ClientId { get; init; }

    public required string AccountId { get; init; }

    public required string RedirectUri { get; init; }

    /// <summary>Space-separated.</summary>
    public required string Scope { get; init; }

    public required string CodeChallenge { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; init; }
}
