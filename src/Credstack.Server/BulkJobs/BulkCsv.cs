namespace Credstack.Server.BulkJobs;

/// <summary>
/// A parsed CSV upload. <see cref="Problem"/> is set when the file as a whole cannot be read (empty,
/// not UTF-8 text, no usable header); otherwise <see cref="Rows"/> holds the good rows and
/// <see cref="Errors"/> one entry per problem of a bad row (<see cref="ErrorCount"/> counts them all, the list stops at a limit).
/// </summary>
internal sealed record BulkCsv(string? Problem, IReadOnlyList<BulkRow> Rows, IReadOnlyList<BulkRowError> Errors, int ErrorCount, int RowCount)
{
    public static BulkCsv Unreadable(string problem) => new(problem, [], [], 0, 0);
}
