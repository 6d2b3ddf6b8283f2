namespace Credstack.Server.Issuers;

/// <summary>Registers the issuer identity feature's services.</summary>
internal static class IssuerServices
{
    public static WebApplicationBuilder AddIssuers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IssuerIdentity>();
        builder.Services.AddSingleton<IssuerProfileStore>();
        builder.Services.AddSingleton<IssuerProfiles>();
        return builder;
    }
}
