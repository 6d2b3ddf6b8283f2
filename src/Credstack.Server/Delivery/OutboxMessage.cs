namespace Credstack.Server.Delivery;

/// <summary>A mail kept in the development outbox, as the API shows it.</summary>
internal sealed record OutboxMessage
{
    public required string Id { get; init; }

    public string? OrganizationId { get; init; }

    public required string Recipient { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
