namespace Credstack.Server.Sharing;

/// <summary>A credential's sharing state and activity (table <c>award_sharing</c>); no row means private and never viewed.</summary>
internal sealed record AwardSharing
{
    public required string AwardId { get; init; }

    public required string OrganizationId { get; init; }

    public bool IsPublic { get; init; }

    public DateTimeOffset? PublicSince { get; init; }

    public long Views { get; init; }

    public long Verifications { get; init; }

    public DateTimeOffset? LastViewedAt { get; init; }
}
