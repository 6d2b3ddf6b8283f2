using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.OAuth;

/// <summary>Access and refresh tokens in the database.</summary>
internal sealed class OAuthTokenStore(IConnectionFactory connections, TimeProvider time)
{
    private const string Columns = "id, kind, secret_hash, grant_id, client_id, account_id, scope, created_at, expires_at, used_at, revoked_at";

    /// <summary>Creates a token; returns the row and the token text, which exists only in this return value.</summary>
    public async Task<(OAuthToken Row, string Token)> CreateAsync(
        string kind, string grantId, string clientId, string accountId, string scope, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var id = EntityId.New(time);
        var (token, hash) = OAuthSecret.Create(kind == OAuthToken.Access ? OAuthSecret.AccessTokenPrefix : OAuthSecret.RefreshTokenPrefix, id);
        var now = time.GetUtcNow();
        var row = new OAuthToken
        {
            Id = id,
            Kind = kind,
            SecretHash = hash,
            GrantId = grantId,
            ClientId = clientId,
            AccountId = accountId,
            Scope = scope,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO oauth_tokens ({Columns})
            VALUES (@Id, @Kind, @SecretHash, @GrantId, @ClientId, @AccountId, @Scope, @CreatedAt, @ExpiresAt, NULL, NULL);
            """,
            row, cancellationToken: cancellationToken));
        return (row, token);
    }

    /// <summary>The token a presented string stands for, if its kind, id and secret all match; else null.</summary>
    public async Task<OAuthToken?> FindAsync(string? presented, string kind, CancellationToken cancellationToken)
    {
        var prefix = kind == OAuthToken.Access ? OAuthSecret.AccessTokenPrefix : OAuthSecret.RefreshTokenPrefix;
        if (!OAuthSecret.TryParse(presented, prefix, out var id, out var secret))
        {
            return null;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OAuthToken>(new CommandDefinition(
            $"SELECT {Columns} FROM oauth_tokens WHERE id = @id AND kind = @kind;", new { id, kind }, cancellationToken: cancellationToken));
        return row is not null && OAuthSecret.Matches(secret, row.SecretHash) ? row : null;
    }

    /// <summary>Marks a refresh token exchanged; false when it was already used or revoked (one statement, so parallel replays cannot both win).</summary>
    public async Task<bool> TryUseAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth_tokens SET used_at = @now WHERE id = @id AND used_at IS NULL AND revoked_at IS NULL;",
            new { id, now = time.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task RevokeAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth_tokens SET revoked_at = COALESCE(revoked_at, @now) WHERE id = @id;",
            new { id, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>Revokes every token of a grant (a revoked refresh token, a replayed code or refresh token).</summary>
    public async Task RevokeGrantAsync(string grantId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth_tokens SET revoked_at = COALESCE(revoked_at, @now) WHERE grant_id = @grantId;",
            new { grantId, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }
}
