using System.Data;
using System.Globalization;
using System.Text;
using Credstack.Server.StatusLists;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Awards;

/// <summary>Awards in the database (SQL shared by both providers). The signed bytes are read only where they are served.</summary>
internal sealed class AwardStore(IConnectionFactory connections, StatusListStore statusLists, TimeProvider time)
{
    // Awards per INSERT statement: 17 parameters each, well under both providers' parameter limits.
    private const int AwardsPerInsert = 100;

    private const string Columns =
        "id, organization_id, achievement_id, achievement_version, recipient_type, recipient, credential_id, cryptosuite, status, status_reason, " +
        "status_changed_at, status_list_id, status_list_index, valid_from, valid_until, replaces_award_id, replaced_by_award_id, issued_by, " +
        "claimed_by_account_id, claimed_at, created_at";

    /// <summary>
    /// Stores a batch of awards with their signed bytes in one transaction, a multi-row INSERT per
    /// <see cref="AwardsPerInsert"/> awards. <paramref name="step"/> runs first in the same transaction and decides
    /// which of them are stored (all when there is no step), so a step's own writes and the awards are stored together
    /// or not at all. Returns the positions of the awards stored.
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
        for (var start = 0; start < stored.Count; start += AwardsPerInsert)
        {
            var count = Math.Min(AwardsPerInsert, stored.Count - start);
            var sql = new StringBuilder(
                """
                INSERT INTO awards (id, organization_id, achievement_id, achievement_version, recipient_type, recipient, credential_id, credential, cryptosuite,
                    status, status_reason, status_changed_at, status_list_id, status_list_index, valid_from, valid_until, replaces_award_id, issued_by, created_at)
                VALUES
                """);
            var parameters = new DynamicParameters();
            for (var i = 0; i < count; i++)
            {
                var (_, award, credential) = stored[start + i];
                sql.Append(i == 0 ? "\n" : ",\n").Append(CultureInfo.InvariantCulture,
                    $"(@id{i}, @org{i}, @ach{i}, @ver{i}, @rt{i}, @rcp{i}, @cid{i}, @cred{i}, @suite{i}, @st{i}, NULL, NULL, @list{i}, @idx{i}, @from{i}, @until{i}, @repl{i}, @by{i}, @at{i})");
                parameters.Add($"id{i}", award.Id);
                parameters.Add($"org{i}", award.OrganizationId);
                parameters.Add($"ach{i}", award.AchievementId);
                parameters.Add($"ver{i}", award.AchievementVersion);
                parameters.Add($"rt{i}", award.RecipientType);
                parameters.Add($"rcp{i}", award.Recipient);
                parameters.Add($"cid{i}", award.CredentialId);
                parameters.Add($"cred{i}", credential);
                parameters.Add($"suite{i}", award.Cryptosuite);
                parameters.Add($"st{i}", award.Status);
                parameters.Add($"list{i}", award.StatusListId);
                parameters.Add($"idx{i}", award.StatusListIndex);
                parameters.Add($"from{i}", award.ValidFrom);
                parameters.Add($"until{i}", award.ValidUntil);
                parameters.Add($"repl{i}", award.ReplacesAwardId, DbType.String);
                parameters.Add($"by{i}", award.IssuedBy, DbType.String);
                parameters.Add($"at{i}", award.CreatedAt);
            }

            await connection.ExecuteAsync(new CommandDefinition(sql.Append(';').ToString(), parameters, transaction, cancellationToken: cancellationToken));
        }

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
