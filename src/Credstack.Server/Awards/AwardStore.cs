using System.Text;
using Credstack.Server.StatusLists;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Awards;

/// <summary>Awards in the database (SQL shared by both providers). The signed bytes are read only where they are served.</summary>
internal sealed class AwardStore(IConnectionFactory connections, StatusListStore statusLists, TimeProvider time)
{
    private const string Columns =
        "id, organization_id, achievement_id, achievement_version, recipient_type, recipient, credential_id, cryptosuite, status, status_reason, " +
        "status_changed_at, status_list_id, status_list_index, valid_from, valid_until, replaces_award_id, replaced_by_award_id, issued_by, " +
        "claimed_by_account_id, claimed_at, created_at";

    /// <summary>
    /// Stores an award. <paramref name="sameTransaction"/> (bulk jobs: "this row is issued") runs in
    /// the same transaction as the insert, so both happen or neither does.
    /// </summary>
    public async Task InsertAsync(
        Award award, byte[] credential, CancellationToken cancellationToken,
        Func<Award, System.Data.Common.DbConnection, System.Data.Common.DbTransaction, CancellationToken, Task>? sameTransaction = null)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO awards (id, organization_id, achievement_id, achievement_version, recipient_type, recipient, credential_id, credential, cryptosuite,
                status, status_reason, status_changed_at, status_list_id, status_list_index, valid_from, valid_until, replaces_award_id, issued_by, created_at)
            VALUES (@Id, @OrganizationId, @AchievementId, @AchievementVersion, @RecipientType, @Recipient, @CredentialId, @Credential, @Cryptosuite,
                @Status, NULL, NULL, @StatusListId, @StatusListIndex, @ValidFrom, @ValidUntil, @ReplacesAwardId, @IssuedBy, @CreatedAt);
            """,
            new
            {
                award.Id,
                award.OrganizationId,
                award.AchievementId,
                award.AchievementVersion,
                award.RecipientType,
                award.Recipient,
                award.CredentialId,
                Credential = credential,
                award.Cryptosuite,
                award.Status,
                award.StatusListId,
                award.StatusListIndex,
                award.ValidFrom,
                award.ValidUntil,
                award.ReplacesAwardId,
                award.IssuedBy,
                award.CreatedAt,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (sameTransaction is not null)
        {
            await sameTransaction(award, connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
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
