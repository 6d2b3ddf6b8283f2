namespace Credstack.Server.ApiTokens;

/// <summary>A stored API token: only the SHA-256 of its secret is kept. Never sent on the wire: see <see cref="ApiTokenResponse"/>.</summary>
internal sealed class ApiToken
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string Name { get; init; }

    /// <summary>Lower-case hex SHA-256 of the secret part of the token.</summary>
    public required string SecretHash { get; init; }

    /// <summary>Space-separated.</summary>
    public required string Scopes { get; init; }

    public string? CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
