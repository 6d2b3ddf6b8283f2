using Credstack.Server.BulkJobs;

namespace Credstack.Server.Console;

/// <summary>A dry run of a CSV file: a problem with the whole file, or its rows with the problems of each (line, column, message).</summary>
internal sealed record BulkUploadCheck(string? Problem, int RowCount, IReadOnlyList<BulkRow> Rows, IReadOnlyList<BulkRowError> Errors, int ErrorCount)
{
    /// <summary>True when every row is valid and there is at least one.</summary>
    public bool CanRun => Problem is null && ErrorCount == 0 && Rows.Count > 0;
}
