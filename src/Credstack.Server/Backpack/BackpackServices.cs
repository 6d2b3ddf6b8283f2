namespace Credstack.Server.Backpack;

/// <summary>The learner's backpack: claimed and imported credentials, and the import of credentials from other issuers.</summary>
internal static class BackpackServices
{
    public static WebApplicationBuilder AddBackpack(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BackpackStore>();
        builder.Services.AddSingleton<BackpackImporter>();
        builder.Services.AddSingleton<BackpackItems>();
        builder.Services.AddSingleton<CollectionStore>();
        builder.Services.AddSingleton<ProfileStore>();
        return builder;
    }
}
