namespace Credstack.Server.BulkJobs;

/// <summary>A stored bulk job (row of <c>bulk_jobs</c>; never on the wire).</summary>
internal sealed class BulkJob
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string State { get; init; }

    public long Total { get; init; }

    public bool Notify { get; init; }

    public string? Cryptosuite { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}
