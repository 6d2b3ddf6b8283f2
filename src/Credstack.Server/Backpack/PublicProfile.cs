namespace Credstack.Server.Backpack;

/// <summary>A person's public profile settings (table <c>backpack_profiles</c>).</summary>
internal sealed record PublicProfile
{
    public required string AccountId { get; init; }

    public required string Handle { get; init; }

    public string? Headline { get; init; }

    public bool IsPublic { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
