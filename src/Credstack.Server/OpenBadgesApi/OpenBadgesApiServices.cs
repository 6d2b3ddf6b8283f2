namespace Credstack.Server.OpenBadgesApi;

/// <summary>Registers the Open Badges API's services.</summary>
internal static class OpenBadgesApiServices
{
    public static WebApplicationBuilder AddOpenBadgesApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HeldCredentialStore>();
        builder.Services.AddSingleton<ObProfileStore>();
        builder.Services.AddSingleton<CredentialIntake>();
        return builder;
    }
}
