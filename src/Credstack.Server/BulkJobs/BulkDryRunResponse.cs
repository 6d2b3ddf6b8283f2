namespace Credstack.Server.BulkJobs;

/// <summary>
/// What a CSV would come to, without issuing (a dry run), or why a real run refused the file:
/// rows read, rows that would issue, and each problem (the list stops at 1,000; <paramref name="ErrorCount"/> counts all).
/// </summary>
internal sealed record BulkDryRunResponse(int Rows, int Valid, int Invalid, int ErrorCount, IReadOnlyList<BulkRowError> Errors);
