namespace Credstack.Server.Organizations;

/// <summary>Registers the organizations feature's services.</summary>
internal static class OrganizationServices
{
    public static WebApplicationBuilder AddOrganizations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrganizationStore>();
        builder.Services.AddSingleton<MembershipStore>();
        builder.Services.AddSingleton<MemberAdministration>();
        return builder;
    }
}
