namespace Credstack.Server.Organizations;

/// <summary>A stored membership joined with the member's account and organization names.</summary>
internal sealed class Membership
{
    public required string OrganizationId { get; init; }

    public required string OrganizationName { get; init; }

    public required string AccountId { get; init; }

    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public required string Role { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public OrgRole OrgRole => OrgRoles.Parse(Role);
}
