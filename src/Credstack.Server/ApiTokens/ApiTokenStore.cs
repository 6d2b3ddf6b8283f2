using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.ApiTokens;

/// <summary>API tokens in the database.</summary>
internal sealed class ApiTokenStore(IConnectionFactory connections, TimeProvider time)
{
    private const string Columns = "id, organization_id, name, secret_hash, scopes, created_by, created_at, expires_at, last_used_at, revoked_at";

    // Writing last_used_at on every request would turn each API read into a write; a minute is precise enough.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Creates a token; returns the row and the token text, which exists only in this return value.</summary>
    public async Task<(ApiToken Row, string Token)> CreateAsync(string organizationId, string name, IEnumerable<string> scopes, string? createdBy, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var id = EntityId.New(time);
        var (token, secretHash) = ApiTokenSecret.Create(id);
        var row = new ApiToken
        {
            Id = id,
            OrganizationId = organizationId,
            Name = name,
            SecretHash = secretHash,
            Scopes = string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            CreatedBy = createdBy,
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO api_tokens (id, organization_id, name, secret_hash, scopes, created_by, created_at, expires_at)
            VALUES (@Id, @OrganizationId, @Name, @SecretHash, @Scopes, @CreatedBy, @CreatedAt, @ExpiresAt);
            """,
            row, cancellationToken: cancellationToken));
        return (row, token);
    }

    public async Task<ApiToken?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApiToken>(new CommandDefinition(
            $"SELECT {Columns} FROM api_tokens WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiToken>(new CommandDefinition(
            $"SELECT {Columns} FROM api_tokens WHERE organization_id = @organizationId ORDER BY created_at, id;",
            new { organizationId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Revokes a token of the organization; false when it has no such token. Revoking twice keeps the first time.</summary>
    public async Task<bool> RevokeAsync(string organizationId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var found = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, @now) WHERE organization_id = @organizationId AND id = @id;",
            new { organizationId, id, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        return found == 1;
    }

    /// <summary>Records that the token was used now, at most once per <see cref="LastUsedResolution"/>.</summary>
    public async Task TouchAsync(ApiToken token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (token.LastUsedAt is { } last && now - last < LastUsedResolution)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET last_used_at = @now WHERE id = @id;", new { id = token.Id, now }, cancellationToken: cancellationToken));
    }
}
