namespace Credstack.Server.Organizations;

/// <summary>An organization as the API shows it, with the caller's role when the caller is a member.</summary>
internal sealed record OrganizationResponse(string Id, string Name, string Kind, DateTimeOffset CreatedAt, string? Role)
{
    public static OrganizationResponse From(Organization organization, OrgRole? role) =>
        new(organization.Id, organization.Name, organization.Kind, organization.CreatedAt, role?.ToName());
}
