namespace Credstack.Server.BulkJobs;

/// <summary>What is wrong with one CSV row: its line (the header is line 1), the column (when one is to blame) and a sentence.</summary>
internal sealed record BulkRowError(long Line, string? RowKey, string? Column, string Message);
