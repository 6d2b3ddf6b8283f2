namespace Credstack.Server.BulkJobs;

/// <summary><c>Credstack:BulkJobs</c>: limits of uploads and how the worker runs.</summary>
internal sealed class BulkJobOptions
{
    public const string Section = "Credstack:BulkJobs";

    /// <summary>The largest CSV upload (413 above).</summary>
    public long MaxCsvBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>The most data rows in one file.</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>
    /// Rows the worker takes from the database and issues at a time: their status indexes are reserved in one
    /// transaction, their credentials signed on every processor and their awards stored in one transaction.
    /// </summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the worker looks for work when nobody wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
