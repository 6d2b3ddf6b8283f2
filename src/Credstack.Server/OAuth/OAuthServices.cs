namespace Credstack.Server.OAuth;

/// <summary>Registers the OAuth 2.0 authorization server's services and options.</summary>
internal static class OAuthServices
{
    public static WebApplicationBuilder AddOAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OAuthOptions>().Bind(builder.Configuration.GetSection(OAuthOptions.Section));
        builder.Services.AddSingleton<OAuthClientStore>();
        builder.Services.AddSingleton<AuthorizationCodeStore>();
        builder.Services.AddSingleton<OAuthTokenStore>();
        builder.Services.AddSingleton<ClientRegistration>();
        builder.Services.AddSingleton<ClientAuthentication>();
        builder.Services.AddSingleton<TokenGrants>();
        return builder;
    }
}
