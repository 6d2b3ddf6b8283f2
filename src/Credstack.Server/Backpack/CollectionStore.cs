using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Backpack;

/// <summary>
/// A person's collections in the database. Every statement names the account (items through their collection's
/// account), so one person never reads or changes another's; callers check that an item is the person's before adding it.
/// </summary>
internal sealed class CollectionStore(IConnectionFactory connections, TimeProvider time)
{
    public const int MaxNameLength = 100;

    private const string Columns =
        "c.id, c.account_id, c.name, c.created_at, (SELECT COUNT(*) FROM backpack_collection_items i WHERE i.collection_id = c.id) AS items";

    public async Task<IReadOnlyList<BackpackCollection>> ListAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BackpackCollection>(new CommandDefinition(
            $"SELECT {Columns} FROM backpack_collections c WHERE c.account_id = @accountId ORDER BY c.name;",
            new { accountId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<BackpackCollection?> FindAsync(string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<BackpackCollection>(new CommandDefinition(
            $"SELECT {Columns} FROM backpack_collections c WHERE c.id = @id AND c.account_id = @accountId;",
            new { id, accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>Creates a collection; null when the person already has one with this name.</summary>
    public async Task<string?> CreateAsync(string accountId, string name, CancellationToken cancellationToken)
    {
        var id = EntityId.New(time);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var created = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO backpack_collections (id, account_id, name, created_at) VALUES (@id, @accountId, @name, @now)
            ON CONFLICT (account_id, name) DO NOTHING;
            """, new { id, accountId, name, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        return created == 1 ? id : null;
    }

    public async Task<bool> DeleteAsync(string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM backpack_collection_items WHERE collection_id IN (SELECT id FROM backpack_collections WHERE id = @id AND account_id = @accountId);",
            new { id, accountId }, transaction, cancellationToken: cancellationToken));
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM backpack_collections WHERE id = @id AND account_id = @accountId;", new { id, accountId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted == 1;
    }

    public async Task<IReadOnlyList<string>> ItemIdsAsync(string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT i.item_id FROM backpack_collection_items i JOIN backpack_collections c ON c.id = i.collection_id
            WHERE c.id = @id AND c.account_id = @accountId ORDER BY i.added_at;
            """, new { id, accountId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Adds an item (already checked to be the person's) to the person's collection; adding twice keeps one.</summary>
    public async Task<bool> AddAsync(string accountId, string id, string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO backpack_collection_items (collection_id, item_id, added_at)
            SELECT id, @itemId, @now FROM backpack_collections WHERE id = @id AND account_id = @accountId
            ON CONFLICT (collection_id, item_id) DO NOTHING;
            """, new { id, accountId, itemId, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        return added == 1 || await FindAsync(accountId, id, cancellationToken) is not null;
    }

    public async Task<bool> RemoveAsync(string accountId, string id, string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM backpack_collection_items WHERE item_id = @itemId
            AND collection_id IN (SELECT id FROM backpack_collections WHERE id = @id AND account_id = @accountId);
            """, new { id, accountId, itemId }, cancellationToken: cancellationToken)) == 1;
    }
}
