namespace Credstack.Server.VcApi;

/// <summary>Registers the VC-API feature's services.</summary>
internal static class VcApiServices
{
    public static WebApplicationBuilder AddVcApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<VcApiCredentialStore>();
        builder.Services.AddSingleton<VcApiIssuer>();
        builder.Services.AddSingleton<VcApiStatusUpdater>();
        return builder;
    }
}
