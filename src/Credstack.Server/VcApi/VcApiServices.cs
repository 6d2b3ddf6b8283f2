namespace Credstack.Server.VcApi;

/// <summary>Registers the VC-API feature's services.</summary>
internal static class VcApiServices
{
    public static WebApplicationBuilder AddVcApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<VcApiIssuer>();
        return builder;
    }
}
