using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.OAuth;

/// <summary>Authorization codes in the database.</summary>
internal sealed class AuthorizationCodeStore(IConnectionFactory connections)
{
    private const string Columns = "id, secret_hash, grant_id, client_id, account_id, redirect_uri, scope, code_challenge, created_at, expires_at, used_at";

    public async Task CreateAsync(AuthorizationCode code, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO oauth_authorization_codes ({Columns})
            VALUES (@Id, @SecretHash, @GrantId, @ClientId, @AccountId, @RedirectUri, @Scope, @CodeChallenge, @CreatedAt, @ExpiresAt, NULL);
            """,
            code, cancellationToken: cancellationToken));
    }

    public async Task<AuthorizationCode?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AuthorizationCode>(new CommandDefinition(
            $"SELECT {Columns} FROM oauth_authorization_codes WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Marks the code used; false when it already was (checked and set in one statement, so two parallel exchanges cannot both win).</summary>
    public async Task<bool> TryUseAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth_authorization_codes SET used_at = @now WHERE id = @id AND used_at IS NULL;",
            new { id, now }, cancellationToken: cancellationToken)) == 1;
    }
}
