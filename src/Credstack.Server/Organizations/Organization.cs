namespace Credstack.Server.Organizations;

/// <summary>A stored organization (an issuer or an employer). Never sent on the wire: see <see cref="OrganizationResponse"/>.</summary>
internal sealed class Organization
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Kind { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
