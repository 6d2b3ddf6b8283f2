namespace Credstack.Server.Backpack;

/// <summary>A credential of this server that the person claimed: the award's lifecycle and its exact signed bytes.</summary>
internal sealed record ClaimedCredential
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string Status { get; init; }

    public string? StatusReason { get; init; }

    public DateTimeOffset ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public required byte[] Credential { get; init; }
}
