using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Credstack.Server.Awards;

/// <summary>Registers the awards feature's services.</summary>
internal static class AwardServices
{
    public static WebApplicationBuilder AddAwards(this WebApplicationBuilder builder)
    {
        // TryAdd: the Issuers and Achievements features (and tests) register the real ones.
        builder.Services.TryAddSingleton<IAwardSigner, UnavailableAwardSigner>();
        builder.Services.TryAddSingleton<IAchievementCatalog, UnavailableAchievementCatalog>();
        builder.Services.AddOptions<AwardOptions>().Bind(builder.Configuration.GetSection(AwardOptions.Section));
        builder.Services.AddSingleton<AwardStore>();
        builder.Services.AddSingleton<AwardResponses>();
        builder.Services.AddSingleton<AwardIssuer>();
        builder.Services.AddSingleton<AwardBatchIssuer>();
        builder.Services.AddSingleton<AwardLifecycle>();
        return builder;
    }
}
