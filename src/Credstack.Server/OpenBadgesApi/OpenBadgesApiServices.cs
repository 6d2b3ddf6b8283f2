using Microsoft.AspNetCore.Authentication;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>Registers the Open Badges API's services.</summary>
internal static class OpenBadgesApiServices
{
    public static WebApplicationBuilder AddOpenBadgesApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HeldCredentialStore>();
        builder.Services.AddSingleton<ObProfileStore>();
        builder.Services.AddSingleton<CredentialIntake>();
        // Not the default scheme: only the Open Badges API's policies name it.
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, OpenBadgesAuthenticationHandler>(OpenBadgesAuthenticationHandler.SchemeName, null);
        return builder;
    }
}
