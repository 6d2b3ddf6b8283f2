namespace Credstack.Server.Backpack;

/// <summary>An import verified and shown to the person, waiting for "Keep in my backpack" (table <c>backpack_pending_imports</c>).</summary>
internal sealed record PendingImport
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required byte[] Content { get; init; }

    public required string MediaType { get; init; }

    public string? Source { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}
