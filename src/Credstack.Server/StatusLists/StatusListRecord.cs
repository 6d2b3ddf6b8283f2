namespace Credstack.Server.StatusLists;

/// <summary>A stored status list (one index space, published as a revocation and a suspension list). Never on the wire.</summary>
internal sealed class StatusListRecord
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public long Sequence { get; init; }

    public long Capacity { get; init; }

    public long IsFull { get; init; }

    public long Version { get; init; }

    public long SignedVersion { get; init; }

    public DateTimeOffset? DirtySince { get; init; }

    public DateTimeOffset? SignedAt { get; init; }
}
