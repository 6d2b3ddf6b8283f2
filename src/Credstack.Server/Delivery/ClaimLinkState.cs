namespace Credstack.Server.Delivery;

/// <summary>A claim link as stored: its award, when it stops working, and whether (and by whom) it was used.</summary>
internal sealed record ClaimLinkState
{
    public required string AwardId { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; init; }

    public string? UsedBy { get; init; }

    /// <summary>True when the link can still be redeemed at <paramref name="now"/>.</summary>
    public bool IsUsableAt(DateTimeOffset now) => UsedAt is null && ExpiresAt > now;
}
