namespace Credstack.Server.Sharing;

/// <summary>Sharing: public credential pages, downloads and their activity counts.</summary>
internal static class SharingServices
{
    public static WebApplicationBuilder AddSharing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AwardSharingStore>();
        builder.Services.AddSingleton<SharedCredentialReader>();
        return builder;
    }
}
