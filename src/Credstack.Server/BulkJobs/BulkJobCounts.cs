namespace Credstack.Server.BulkJobs;

/// <summary>How many rows of a job are in each state, counted from the rows themselves (so never out of step).</summary>
internal sealed record BulkJobCounts(long Pending, long Issued, long Failed, long Skipped);
