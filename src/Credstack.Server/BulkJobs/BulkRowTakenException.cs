namespace Credstack.Server.BulkJobs;

/// <summary>
/// Thrown inside an issuance transaction when its bulk row is no longer pending, to roll the award
/// back: the one exception in the feature, because a rollback from inside the store needs one.
/// </summary>
internal sealed class BulkRowTakenException(string jobId, long line)
    : Exception($"Row {line} of bulk job {jobId} is no longer pending.");
