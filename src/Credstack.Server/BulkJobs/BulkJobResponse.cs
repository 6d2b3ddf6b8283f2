namespace Credstack.Server.BulkJobs;

/// <summary>
/// A bulk job's progress: counts by row state (<c>skipped</c> rows were pending when the job was
/// cancelled) and a page of failed rows after line <c>errorsAfter</c>; <paramref name="NextErrorsAfter"/>
/// is the value for the next page, or null on the last.
/// </summary>
internal sealed record BulkJobResponse(
    string Id,
    string State,
    long Total,
    long Pending,
    long Issued,
    long Failed,
    long Skipped,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<BulkRowError> Errors,
    long? NextErrorsAfter);
