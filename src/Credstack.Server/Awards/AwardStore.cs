using System.Text;
using Credstack.Server.StatusLists;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Awards;

/// <summary>Awards in the database (SQL shared by both providers). The signed bytes are read only where they are served.</summary>
internal sealed class AwardStore(IConnectionFactory connections, StatusListStore statusLists, TimeProvider time)
{
    private static readonly string[] InsertParameters =
    [
        "id", "organizationId", "achievementId", "achievementVersion", "recipientType", "recipient", "credentialId", "credential", "cryptosuite",
        "status", "statusListId", "statusListIndex", "validFrom", "validUntil", "replacesAwardId", "issuedBy", "createdAt",
    ];

    private const string Columns =
        "id, organization_id, achievement_id, achievement_version, recipient_type, recipient, credential_id, cryptosuite, status, status_reason, " +
        "status_changed_at, status_list_id, status_list_index, valid_from, valid_until, replaces_award_id, replaced_by_award_id, issued_by, " +
        "claimed_by_account_id, claimed_at, created_at";

    /// <summary>
    /// Stores a batch of awards with their signed bytes in one transaction (<see cref="StatementBatch"/>).
    /// <paramref name="step"/> runs first in the same transaction and decides which of them are stored (all when there
    /// is no step), so a step's own writes and the awards are stored together or not at all. Returns the positions of
    /// the awards stored.
    /// </summary>
    public async Task<IReadOnlyCollection<int>> InsertManyAsync(
        IReadOnlyList<(int Item, Award Award, byte[] Credential)> items, AwardBatchStep? step, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        IReadOnlyCollection<int> kept = [.. items.Select(i => i.Item)];
        if (step is not null)
        {
            kept = await step(items.ToDictionary(i => i.Item, i => i.Award), connection, transaction, cancellationToken);
        }

        var keep = kept as IReadOnlySet<int> ?? kept.ToHashSet();
        var stored = items.Where(i => keep.Contains(i.Item)).ToList();
        await StatementBatch.ExecuteAsync(
            connection, transaction,
            """
            INSERT INTO awards (id, organization_id, achievement_id, achievement_version, recipient_type, recipient, credential_id, credential, cryptosuite,
                status, status_reason, status_changed_at, status_list_id, status_list_index, valid_from, valid_until, replaces_award_id, issued_by, created_at)
            VALUES (@id, @organizationId, @achievementId, @achievementVersion, @recipientType, @recipient, @credentialId, @credential, @cryptosuite,
                @status, NULL, NULL, @statusListId, @statusListIndex, @validFrom, @validUntil, @replacesAwardId, @issuedBy, @createdAt);
            """,
            InsertParameters,
            stored,
            i => [i.Award.Id, i.Award.OrganizationId, i.Award.AchievementId, i.Award.AchievementVersion, i.Award.RecipientType, i.Award.Recipient,
                i.Award.CredentialId, i.Credential, i.Award.Cryptosuite, i.Award.Status, i.Award.StatusListId, i.Award.StatusListIndex,
                i.Award.ValidFrom, i.Award.ValidUntil, i.Award.ReplacesAwardId, i.Award.IssuedBy, i.Award.CreatedAt],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. stored.Select(i => i.Item)];
    }

    public async Task<Award?> FindAsync(string organizationId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Award>(new CommandDefinition(
            $"SELECT {Columns} FROM awards WHERE id = @id AND organization_id = @organizationId;", new { id, organizationId }, cancellationToken: cancellationToken));
    }

    public async Task<Award?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Award>(new CommandDefinition(
            $"SELECT {Columns} FROM awards WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>The exact signed bytes of a credential; null when there is no such award.</summary>
    public async Task<byte[]?> ReadCredentialAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(
            "SELECT credential FROM awards WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>A page of the organization's awards, newest first, after <paramref name="before"/> (an award id: ids sort by creation).</summary>
    public async Task<IReadOnlyList<Award>> ListAsync(
        string organizationId, string? achievementId, string? recipient, string? status, string? before, int limit, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM awards WHERE organization_id = @organizationId");
        if (achievementId is not null)
        {
            sql.Append(" AND achievement_id = @achievementId");
        }

        if (recipient is not null)
        {
            sql.Append(" AND recipient = @recipient");
        }

        if (status is AwardStatuses.Expired)
        {
            sql.Append(" AND valid_until IS NOT NULL AND valid_until <= @now");
        }
        else if (status is not null)
        {
            sql.Append(" AND status = @status");
        }

        if (before is not null)
        {
            sql.Append(" AND id < @before");
        }

        sql.Append(" ORDER BY id DESC LIMIT @limit;");
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Award>(new CommandDefinition(
            sql.ToString(), new { organizationId, achievementId, recipient, status, before, limit, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>
    /// Moves an award from one of <paramref name="from"/> to <paramref name="to"/>, records the
    /// reason and marks its status list changed, in one transaction. False when the award is not in
    /// one of <paramref name="from"/> (or does not exist). <paramref name="from"/> has one or two states (Dapper
    /// expands list parameters on SQLite but hands PostgreSQL an array, so the SQL names them one by one).
    /// </summary>
    public async Task<bool> ChangeStatusAsync(
        string organizationId, string id, string[] from, string to, string? reason, string? replacedBy, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var listId = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            """
            UPDATE awards SET status = @to, status_reason = @reason, status_changed_at = @now,
                replaced_by_award_id = COALESCE(@replacedBy, replaced_by_award_id)
            WHERE id = @id AND organization_id = @organizationId AND status IN (@from1, @from2)
            RETURNING status_list_id;
            """,
            new { id, organizationId, from1 = from[0], from2 = from[^1], to, reason, replacedBy, now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        if (listId is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await statusLists.MarkChangedAsync(connection, transaction, listId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
