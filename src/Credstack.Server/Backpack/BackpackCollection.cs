namespace Credstack.Server.Backpack;

/// <summary>A named group of a person's badges (table <c>backpack_collections</c>), with how many it holds.</summary>
internal sealed record BackpackCollection
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string Name { get; init; }

    public long Items { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
