namespace Credstack.Server.BulkJobs;

/// <summary>The states of a bulk job and of its rows, as stored and as returned.</summary>
internal static class BulkJobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    public const string RowPending = "pending";
    public const string RowIssued = "issued";
    public const string RowFailed = "failed";
    public const string RowSkipped = "skipped";
}
