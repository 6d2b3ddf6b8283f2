using System.Data.Common;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.StatusLists;

/// <summary>Status lists and their reserved indexes in the database (SQL shared by both providers).</summary>
internal sealed class StatusListStore(IConnectionFactory connections, TimeProvider time)
{
    private const string Columns = "id, organization_id, sequence, capacity, is_full, version, signed_version, dirty_since, signed_at";

    public async Task<StatusListRecord?> FindAsync(string organizationId, string listId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StatusListRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM status_lists WHERE id = @listId AND organization_id = @organizationId;",
            new { listId, organizationId }, cancellationToken: cancellationToken));
    }

    /// <summary>The organization's list that still has free indexes, opening the next one when all are full.</summary>
    public async Task<StatusListRecord> CurrentAsync(string organizationId, long capacity, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var open = await connection.QueryFirstOrDefaultAsync<StatusListRecord>(new CommandDefinition(
                $"SELECT {Columns} FROM status_lists WHERE organization_id = @organizationId AND is_full = 0 ORDER BY sequence LIMIT 1;",
                new { organizationId }, cancellationToken: cancellationToken));
            if (open is not null)
            {
                return open;
            }

            // Two processes may open the next list at once: the unique (organization, sequence) lets one win, and both use it.
            var now = time.GetUtcNow();
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO status_lists (id, organization_id, sequence, capacity, is_full, version, signed_version, dirty_since, created_at)
                VALUES (@id, @organizationId, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM status_lists WHERE organization_id = @organizationId), @capacity, 0, 0, -1, @now, @now)
                ON CONFLICT (organization_id, sequence) DO NOTHING;
                """,
                new { id = EntityId.New(time), organizationId, capacity, now }, cancellationToken: cancellationToken));
        }

        throw new InvalidOperationException($"could not open a status list for organization {organizationId}");
    }

    /// <summary>
    /// Takes as many of <paramref name="candidates"/> (an index of the list for an award) as are still free, in one
    /// transaction (<see cref="StatementBatch"/>), and returns the indexes taken. The others were already taken (by
    /// anyone, ever: entries are never deleted); the primary key decides, so concurrent processes never share one.
    /// </summary>
    public async Task<IReadOnlySet<int>> TryReserveManyAsync(string listId, IReadOnlyList<(int Index, string AwardId)> candidates, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await StatementBatch.ExecuteAsync(
            connection, transaction,
            """
            INSERT INTO status_list_entries (list_id, list_index, award_id, created_at) VALUES (@listId, @index, @awardId, @now)
            ON CONFLICT (list_id, list_index) DO NOTHING;
            """,
            ["listId", "index", "awardId", "now"],
            candidates,
            c => [listId, (long)c.Index, c.AwardId, now],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return candidates.Where((_, i) => inserted[i] == 1).Select(c => c.Index).ToHashSet();
    }

    public async Task<IReadOnlyList<long>> ReservedIndexesAsync(string listId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT list_index FROM status_list_entries WHERE list_id = @listId;", new { listId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task MarkFullAsync(string listId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE status_lists SET is_full = 1 WHERE id = @listId;", new { listId }, cancellationToken: cancellationToken));
    }

    /// <summary>Records that a bit of the list changed; call inside the transaction that changes it.</summary>
    public async Task MarkChangedAsync(DbConnection connection, DbTransaction transaction, string listId, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE status_lists SET version = version + 1, dirty_since = COALESCE(dirty_since, @now) WHERE id = @listId;",
            new { listId, now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));

    /// <summary>The list's version and the indexes whose revocation and suspension bits are set (awards and VC-API credentials).</summary>
    public async Task<(long Version, IReadOnlyList<long> Revoked, IReadOnlyList<long> Suspended)> ReadBitsAsync(string listId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT version FROM status_lists WHERE id = @listId;", new { listId }, transaction, cancellationToken: cancellationToken));
        // A list's indexes belong to awards and to credentials signed through the VC-API; both keep their status the same way.
        var rows = await connection.QueryAsync<(long Index, string Status)>(new CommandDefinition(
            """
            SELECT status_list_index, status FROM awards WHERE status_list_id = @listId AND status <> 'active'
            UNION ALL
            SELECT status_list_index, status FROM vc_api_credentials WHERE status_list_id = @listId AND status <> 'active';
            """,
            new { listId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        var revoked = new List<long>();
        var suspended = new List<long>();
        foreach (var (index, status) in rows)
        {
            (string.Equals(status, "revoked", StringComparison.Ordinal) ? revoked : suspended).Add(index);
        }

        return (version, revoked, suspended);
    }

    /// <summary>Stores newly signed list credentials for <paramref name="version"/>, unless a newer version was stored meanwhile.</summary>
    public async Task SavePublishedAsync(string listId, long version, byte[] revocation, byte[] suspension, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE status_lists
            SET revocation_credential = @revocation, suspension_credential = @suspension, signed_version = @version, signed_at = @now,
                dirty_since = CASE WHEN version = @version THEN NULL ELSE dirty_since END
            WHERE id = @listId AND signed_version < @version;
            """,
            new { listId, version, revocation, suspension, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>The published credential of one purpose; null before the list was first signed.</summary>
    public async Task<byte[]?> ReadPublishedAsync(string listId, bool revocation, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(
            revocation
                ? "SELECT revocation_credential FROM status_lists WHERE id = @listId;"
                : "SELECT suspension_credential FROM status_lists WHERE id = @listId;",
            new { listId }, cancellationToken: cancellationToken));
    }

    /// <summary>Lists with changes not yet published.</summary>
    public async Task<IReadOnlyList<StatusListRecord>> ChangedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StatusListRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM status_lists WHERE version > signed_version ORDER BY dirty_since;", cancellationToken: cancellationToken));
        return [.. rows];
    }
}
