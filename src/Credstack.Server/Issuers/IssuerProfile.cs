namespace Credstack.Server.Issuers;

/// <summary>The stored details of an issuer's Profile beyond the organization's name. Never sent on the wire.</summary>
internal sealed class IssuerProfile
{
    public required string OrganizationId { get; init; }

    public string? Description { get; init; }

    public string? HomepageUrl { get; init; }

    public string? Email { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
