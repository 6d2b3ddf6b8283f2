using Credstack.Server.Awards;
using Credstack.Server.BulkJobs;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Console;

/// <summary>
/// The console's bulk award: a dry run of a CSV file (<see cref="BulkCsvParser"/> and <see cref="BulkAchievementCheck"/>,
/// as <c>POST …/bulk-jobs?dryRun=true</c>), then, for a file without a single problem, the job
/// (<see cref="BulkJobStore"/>, woken through <see cref="BulkJobSignal"/>). A file with any problem stores nothing.
/// </summary>
internal sealed class BulkUpload(BulkJobStore jobs, BulkJobSignal signal, IAchievementCatalog achievements, IOptions<BulkJobOptions> options)
{
    public long MaxBytes => options.Value.MaxCsvBytes;

    public async Task<BulkUploadCheck> CheckAsync(string organizationId, byte[] content, string? achievementId, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            return new BulkUploadCheck("The file is empty. Choose a CSV file with a header row and one row per recipient.", 0, [], [], 0);
        }

        if (content.Length > MaxBytes)
        {
            return new BulkUploadCheck($"The file has {content.Length} bytes; a CSV file may have at most {MaxBytes}. Split it into several files.", 0, [], [], 0);
        }

        var csv = BulkCsvParser.Parse(content, string.IsNullOrWhiteSpace(achievementId) ? null : achievementId.Trim(), options.Value.MaxRows);
        if (csv.Problem is { } unreadable)
        {
            return new BulkUploadCheck(unreadable, 0, [], [], 0);
        }

        var (rows, errors, errorCount) = await BulkAchievementCheck.CheckAsync(organizationId, csv, achievements, cancellationToken);
        return new BulkUploadCheck(null, csv.RowCount, rows, errors, errorCount);
    }

    /// <summary>Queues the checked rows as a job; the caller has made sure <paramref name="check"/> is runnable.</summary>
    public async Task<BulkJob> StartAsync(string organizationId, BulkUploadCheck check, bool notify, string accountId, CancellationToken cancellationToken)
    {
        if (!check.CanRun)
        {
            throw new InvalidOperationException("a bulk upload with problems was started");
        }

        var job = await jobs.CreateAsync(organizationId, check.Rows, notify, null, accountId, cancellationToken);
        signal.Wake();
        return job;
    }
}
