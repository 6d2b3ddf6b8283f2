namespace Credstack.Server.ApiTokens;

/// <summary>Registers the API token feature's services.</summary>
internal static class ApiTokenServices
{
    public static WebApplicationBuilder AddApiTokens(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiTokenStore>();
        return builder;
    }
}
