using Credstack.Server.Verification;

namespace Credstack.Server.StatusLists;

/// <summary>Registers the status list feature: storage, allocation, publication and the batching re-signer.</summary>
internal static class StatusListServices
{
    public static WebApplicationBuilder AddStatusLists(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StatusListOptions>().Bind(builder.Configuration.GetSection(StatusListOptions.Section));
        builder.Services.AddSingleton<StatusListStore>();
        builder.Services.AddSingleton<StatusListAllocation>();
        builder.Services.AddSingleton<StatusListUrls>();
        builder.Services.AddSingleton<StatusListEntries>();
        builder.Services.AddSingleton<StatusListPublisher>();
        builder.Services.AddSingleton<StatusListRefresher>();
        builder.Services.AddSingleton<StatusListReader>();
        // The server's own verifier reads these lists in-process (POST /verify, /credentials/verify).
        builder.Services.AddSingleton<ILocalDocumentSource, StatusListDocumentSource>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StatusListRefresher>());
        return builder;
    }
}
