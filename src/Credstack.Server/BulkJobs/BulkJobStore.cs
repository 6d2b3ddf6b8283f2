using System.Data.Common;
using System.Text.Json;
using Credstack.Server.Awards;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.BulkJobs;

/// <summary>Bulk jobs and their rows in the database (SQL shared by both providers).</summary>
internal sealed class BulkJobStore(IConnectionFactory connections, TimeProvider time)
{
    private const string Columns = "id, organization_id, state, total, notify, cryptosuite, created_by, created_at, started_at, completed_at";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores the job and all its rows in one transaction: a job exists with every row, or not at all.</summary>
    public async Task<BulkJob> CreateAsync(string organizationId, IReadOnlyList<BulkRow> rows, bool notify, string? cryptosuite, string? createdBy, CancellationToken cancellationToken)
    {
        var job = new BulkJob
        {
            Id = EntityId.New(time),
            OrganizationId = organizationId,
            State = BulkJobStates.Queued,
            Total = rows.Count,
            Notify = notify,
            Cryptosuite = cryptosuite,
            CreatedBy = createdBy,
            CreatedAt = time.GetUtcNow(),
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO bulk_jobs (id, organization_id, state, total, notify, cryptosuite, created_by, created_at)
            VALUES (@Id, @OrganizationId, @State, @Total, @notify, @Cryptosuite, @CreatedBy, @CreatedAt);
            """,
            new { job.Id, job.OrganizationId, job.State, job.Total, notify = notify ? 1L : 0L, job.Cryptosuite, job.CreatedBy, job.CreatedAt },
            transaction, cancellationToken: cancellationToken));

        await StatementBatch.ExecuteAsync(
            connection, transaction,
            "INSERT INTO bulk_job_rows (job_id, line, row_key, request, state) VALUES (@jobId, @line, @rowKey, @request, 'pending');",
            ["jobId", "line", "rowKey", "request"],
            rows,
            r => [job.Id, r.Line, r.RowKey, JsonSerializer.Serialize(r.Request, Json)],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return job;
    }

    public async Task<BulkJob?> FindAsync(string organizationId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<BulkJob>(new CommandDefinition(
            $"SELECT {Columns} FROM bulk_jobs WHERE id = @id AND organization_id = @organizationId;", new { id, organizationId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<BulkJob>> ListAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<BulkJob>(new CommandDefinition(
            $"SELECT {Columns} FROM bulk_jobs WHERE organization_id = @organizationId ORDER BY id DESC LIMIT 100;", new { organizationId }, cancellationToken: cancellationToken))];
    }

    public async Task<BulkJobCounts> CountAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM bulk_job_rows WHERE job_id = @jobId GROUP BY state;", new { jobId }, cancellationToken: cancellationToken)))
            .ToDictionary(c => c.State, c => c.Count, StringComparer.Ordinal);
        return new BulkJobCounts(
            counts.GetValueOrDefault(BulkJobStates.RowPending),
            counts.GetValueOrDefault(BulkJobStates.RowIssued),
            counts.GetValueOrDefault(BulkJobStates.RowFailed),
            counts.GetValueOrDefault(BulkJobStates.RowSkipped));
    }

    /// <summary>A page of failed rows after line <paramref name="afterLine"/>.</summary>
    public async Task<IReadOnlyList<BulkRowError>> FailuresAsync(string jobId, long afterLine, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Line, string? RowKey, string? Error)>(new CommandDefinition(
            "SELECT line, row_key, error FROM bulk_job_rows WHERE job_id = @jobId AND state = 'failed' AND line > @afterLine ORDER BY line LIMIT @limit;",
            new { jobId, afterLine, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new BulkRowError(r.Line, r.RowKey, null, r.Error ?? "The row failed."))];
    }

    /// <summary>Jobs the worker has to (re)start: queued, or running when a process stopped.</summary>
    public async Task<IReadOnlyList<BulkJob>> UnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<BulkJob>(new CommandDefinition(
            $"SELECT {Columns} FROM bulk_jobs WHERE state IN ('queued', 'running') ORDER BY id;", cancellationToken: cancellationToken))];
    }

    public async Task<string?> StateAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT state FROM bulk_jobs WHERE id = @jobId;", new { jobId }, cancellationToken: cancellationToken));
    }

    public async Task MarkRunningAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE bulk_jobs SET state = 'running', started_at = COALESCE(started_at, @now) WHERE id = @jobId AND state = 'queued';",
            new { jobId, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task MarkCompletedAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE bulk_jobs SET state = 'completed', completed_at = @now WHERE id = @jobId AND state = 'running';",
            new { jobId, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Cancels a queued or running job: its pending rows become skipped in the same transaction, so a
    /// row being issued at that moment cannot also be recorded as issued (its award is rolled back).
    /// False when the job was not queued or running.
    /// </summary>
    public async Task<bool> CancelAsync(string organizationId, string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE bulk_jobs SET state = 'cancelled', completed_at = @now WHERE id = @jobId AND organization_id = @organizationId AND state IN ('queued', 'running');",
            new { jobId, organizationId, now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE bulk_job_rows SET state = 'skipped' WHERE job_id = @jobId AND state = 'pending';", new { jobId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The next pending rows of a job after <paramref name="afterLine"/>, in line order.</summary>
    public async Task<IReadOnlyList<(long Line, AwardRequest Request)>> PendingAsync(string jobId, long afterLine, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Line, string Request)>(new CommandDefinition(
            "SELECT line, request FROM bulk_job_rows WHERE job_id = @jobId AND state = 'pending' AND line > @afterLine ORDER BY line LIMIT @limit;",
            new { jobId, afterLine, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.Line, JsonSerializer.Deserialize<AwardRequest>(r.Request, Json)!))];
    }

    /// <summary>
    /// Records rows as issued with their awards, inside the transaction that stores the awards (<see cref="StatementBatch"/>),
    /// and returns the lines recorded. A row that is no longer pending (cancelled, or done by another process: its update
    /// waits for that transaction) is not, and its award is then not stored.
    /// </summary>
    public static async Task<IReadOnlySet<long>> MarkIssuedAsync(
        string jobId, IReadOnlyList<(long Line, string AwardId)> rows, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var changed = await StatementBatch.ExecuteAsync(
            connection, transaction,
            "UPDATE bulk_job_rows SET state = 'issued', award_id = @awardId WHERE job_id = @jobId AND line = @line AND state = 'pending';",
            ["awardId", "jobId", "line"],
            rows,
            r => [r.AwardId, jobId, r.Line],
            cancellationToken);
        return rows.Where((_, i) => changed[i] == 1).Select(r => r.Line).ToHashSet();
    }

    /// <summary>Records rows as failed with their reasons, in one transaction.</summary>
    public async Task MarkFailedAsync(string jobId, IReadOnlyList<(long Line, string Error)> rows, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (line, error) in rows)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE bulk_job_rows SET state = 'failed', error = @error WHERE job_id = @jobId AND line = @line AND state = 'pending';",
                new { jobId, line, error }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
