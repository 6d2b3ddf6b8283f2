using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.OAuth;

/// <summary>Registered OAuth clients in the database.</summary>
internal sealed class OAuthClientStore(IConnectionFactory connections)
{
    private const string Columns = "id, secret_hash, client_name, client_uri, logo_uri, tos_uri, policy_uri, software_id, software_version, redirect_uris, scope, grant_types, contacts, created_at";

    public async Task CreateAsync(OAuthClient client, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO oauth_clients ({Columns})
            VALUES (@Id, @SecretHash, @ClientName, @ClientUri, @LogoUri, @TosUri, @PolicyUri, @SoftwareId, @SoftwareVersion, @RedirectUris, @Scope, @GrantTypes, @Contacts, @CreatedAt);
            """,
            client, cancellationToken: cancellationToken));
    }

    public async Task<OAuthClient?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<OAuthClient>(new CommandDefinition(
            $"SELECT {Columns} FROM oauth_clients WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
    }
}
