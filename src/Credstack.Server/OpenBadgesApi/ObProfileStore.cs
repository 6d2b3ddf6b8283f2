using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>The Open Badges Profile each person keeps through the API, as the exact JSON last PUT.</summary>
internal sealed class ObProfileStore(IConnectionFactory connections, TimeProvider time)
{
    public async Task<byte[]?> FindAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
            "SELECT content FROM ob_profiles WHERE account_id = @accountId;", new { accountId }, cancellationToken: cancellationToken));
    }

    public async Task SaveAsync(string accountId, byte[] content, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ob_profiles (account_id, content, updated_at) VALUES (@accountId, @content, @now)
            ON CONFLICT (account_id) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at;
            """,
            new { accountId, content, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }
}
