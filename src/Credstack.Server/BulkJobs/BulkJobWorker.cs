using Credstack.Server.Awards;
using Microsoft.Extensions.Options;

namespace Credstack.Server.BulkJobs;

/// <summary>
/// Works through queued and interrupted bulk jobs, a batch of rows at a time, issuing each row through
/// <see cref="AwardIssuer"/> with several rows in flight (signing is the CPU work). A row is recorded as
/// issued in the transaction that stores its award, so after a crash the job restarts at its pending
/// rows: none is issued twice or lost, and a status index reserved by an interrupted row stays used.
/// Rows that fail (unknown achievement, archived, issuer without a key) are marked failed with the
/// reason and the job goes on.
/// </summary>
internal sealed partial class BulkJobWorker(
    BulkJobStore store, AwardIssuer issuer, BulkJobSignal signal, IOptions<BulkJobOptions> options, ILogger<BulkJobWorker> logger) : BackgroundService
{
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
        var parallelism = options.Value.Parallelism > 0 ? options.Value.Parallelism : Environment.ProcessorCount;
        while (true)
        {
            if (await store.StateAsync(job.Id, stoppingToken) != BulkJobStates.Running)
            {
                return;
            }

            var rows = await store.PendingAsync(job.Id, Math.Max(1, options.Value.BatchSize), stoppingToken);
            if (rows.Count == 0)
            {
                await store.MarkCompletedAsync(job.Id, stoppingToken);
                LogJobCompleted(logger, job.Id);
                return;
            }

            await Parallel.ForEachAsync(
                rows,
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = stoppingToken },
                async (row, token) => await IssueRowAsync(job, row.Line, row.Request, token));
        }
    }

    private async Task IssueRowAsync(BulkJob job, long line, AwardRequest request, CancellationToken cancellationToken)
    {
        request = request with { Notify = job.Notify, Cryptosuite = request.Cryptosuite ?? job.Cryptosuite };
        AwardIssueOutcome outcome;
        try
        {
            outcome = await issuer.IssueAsync(
                job.OrganizationId, request, job.CreatedBy, cancellationToken,
                (award, connection, transaction, token) => BulkJobStore.MarkIssuedAsync(job.Id, line, award, connection, transaction, token));
        }
        catch (BulkRowTakenException)
        {
            return; // cancelled meanwhile: the award was rolled back and the row is skipped
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // shutting down: the row stays pending and is issued after the restart
        }
#pragma warning disable CA1031 // One row's failure must not stop the job; the reason is recorded on the row.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogRowFailed(logger, exception, job.Id, line);
            await store.MarkFailedAsync(job.Id, line, "The server could not issue this row (an internal error; see the server log).", cancellationToken);
            return;
        }

        if (outcome.Result is not AwardIssueResult.Issued)
        {
            var reason = outcome.Detail ?? string.Join(" ", outcome.Errors?.SelectMany(e => e.Value) ?? ["The row is not valid."]);
            await store.MarkFailedAsync(job.Id, line, reason, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The bulk job worker failed; it tries again at its next poll.")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Row {Line} of bulk job {JobId} could not be issued.")]
    private static partial void LogRowFailed(ILogger logger, Exception exception, string jobId, long line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk job {JobId} completed.")]
    private static partial void LogJobCompleted(ILogger logger, string jobId);
}
