using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Credstack.Server.Awards;

/// <summary>Registers the awards feature's services.</summary>
internal static class AwardServices
{
    public static WebApplicationBuilder AddAwards(this WebApplicationBuilder builder)
    {
        // TryAdd: tests may hand in their own before this runs.
        builder.Services.TryAddSingleton<IAwardSigner, IssuerAwardSigner>();
        builder.Services.TryAddSingleton<IAchievementCatalog, StoredAchievementCatalog>();
        builder.Services.AddOptions<AwardOptions>().Bind(builder.Configuration.GetSection(AwardOptions.Section));
        builder.Services.AddSingleton<AwardStore>();
        builder.Services.AddSingleton<AwardResponses>();
        builder.Services.AddSingleton<AwardIssuer>();
        builder.Services.AddSingleton<AwardBatchIssuer>();
        builder.Services.AddSingleton<AwardLifecycle>();
        builder.Services.AddSingleton<Verification.ILocalDocumentSource, CredentialDocumentSource>();
        return builder;
    }
}
