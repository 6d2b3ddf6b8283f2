using Credstack.Server.Awards;

namespace Credstack.Server.BulkJobs;

/// <summary>One parsed CSV data row: its line, the client's row key and the award it asks for.</summary>
internal sealed record BulkRow(long Line, string? RowKey, AwardRequest Request);
