using Credstack.Server.Awards;
using Microsoft.Extensions.Options;

namespace Credstack.Server.BulkJobs;

/// <summary>
/// Works through queued and interrupted bulk jobs, a batch of rows at a time (two in flight), issuing each batch through
/// <see cref="AwardIssuer.IssueManyAsync"/> (status indexes reserved together, credentials signed on every
/// processor, awards stored in one transaction). A batch's rows are recorded as issued in the transaction
/// that stores their awards, so after a crash the job restarts at its pending rows: none is issued twice or
/// lost, and a status index reserved by an interrupted batch stays used. Rows that fail (unknown
/// achievement, archived, issuer without a key) are marked failed with the reason and the job goes on; a
/// batch that throws is retried row by row, so an unexpected error fails only its own row.
/// </summary>
internal sealed partial class BulkJobWorker(
    BulkJobStore store, AwardIssuer issuer, BulkJobSignal signal, IOptions<BulkJobOptions> options, ILogger<BulkJobWorker> logger) : BackgroundService
{
    // Two batches at a time: while one waits on the database (reserving indexes, storing awards), the other signs.
    private const int BatchesInFlight = 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var job in await store.UnfinishedAsync(stoppingToken))
                {
                    await RunAsync(job, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker outlives any one failure: it logs and tries again at the next poll.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogWorkerFailed(logger, exception);
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    private async Task RunAsync(BulkJob job, CancellationToken stoppingToken)
    {
        await store.MarkRunningAsync(job.Id, stoppingToken);
        var inFlight = new Queue<Task>(BatchesInFlight);
        try
        {
            var afterLine = 0L;
            while (true)
            {
                if (await store.StateAsync(job.Id, stoppingToken) != BulkJobStates.Running)
                {
                    return;
                }

                var rows = await store.PendingAsync(job.Id, afterLine, Math.Max(1, options.Value.BatchSize), stoppingToken);
                if (rows.Count == 0)
                {
                    await Task.WhenAll(inFlight);
                    inFlight.Clear();
                    if (afterLine == 0)
                    {
                        await store.MarkCompletedAsync(job.Id, stoppingToken);
                        LogJobCompleted(logger, job.Id);
                        return;
                    }

                    // One more pass from the start: done when no row is left pending.
                    afterLine = 0;
                    continue;
                }

                afterLine = rows[^1].Line;
                inFlight.Enqueue(IssueBatchAsync(job, rows, stoppingToken));
                if (inFlight.Count == BatchesInFlight)
                {
                    await inFlight.Dequeue();
                }
            }
        }
        finally
        {
            // Never leave a batch running when the job is given up (a failure, or shutting down): the next poll may start it again.
            await Task.WhenAll(inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task IssueBatchAsync(BulkJob job, IReadOnlyList<(long Line, AwardRequest Request)> rows, CancellationToken cancellationToken)
    {
        var requests = rows.Select(r => r.Request with { Notify = job.Notify, Cryptosuite = r.Request.Cryptosuite ?? job.Cryptosuite }).ToList();
        IReadOnlyList<AwardIssueOutcome> outcomes;
        try
        {
            outcomes = await issuer.IssueManyAsync(
                job.OrganizationId, requests, job.CreatedBy,
                async (awards, connection, transaction, token) =>
                {
                    var issued = await BulkJobStore.MarkIssuedAsync(job.Id, [.. awards.Select(a => (rows[a.Key].Line, a.Value.Id))], connection, transaction, token);
                    return [.. awards.Keys.Where(item => issued.Contains(rows[item].Line))];
                },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // shutting down: the rows stay pending and are issued after the restart
        }
#pragma warning disable CA1031 // The batch is retried row by row, so that one row's failure is recorded on that row only.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogBatchFailed(logger, exception, job.Id, rows[0].Line, rows[^1].Line);
            if (rows.Count > 1)
            {
                foreach (var row in rows)
                {
                    await IssueBatchAsync(job, [row], cancellationToken);
                }

                return;
            }

            await store.MarkFailedAsync(job.Id, [(rows[0].Line, "The server could not issue this row (an internal error; see the server log).")], cancellationToken);
            return;
        }

        var failed = new List<(long Line, string Error)>();
        for (var i = 0; i < rows.Count; i++)
        {
            // A withdrawn award belongs to a row that was cancelled (or done by another process) meanwhile: nothing to record.
            if (outcomes[i].Result is not (AwardIssueResult.Issued or AwardIssueResult.Withdrawn))
            {
                failed.Add((rows[i].Line, outcomes[i].Detail ?? string.Join(" ", outcomes[i].Errors?.SelectMany(e => e.Value) ?? ["The row is not valid."])));
            }
        }

        if (failed.Count > 0)
        {
            await store.MarkFailedAsync(job.Id, failed, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The bulk job worker failed; it tries again at its next poll.")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rows {FirstLine}-{LastLine} of bulk job {JobId} could not be issued.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string jobId, long firstLine, long lastLine);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk job {JobId} completed.")]
    private static partial void LogJobCompleted(ILogger logger, string jobId);
}
