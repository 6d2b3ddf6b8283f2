using Credstack.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Storage;

/// <summary>Registers the connection factory of the configured provider and prepares the database at start-up.</summary>
internal static class StorageSetup
{
    public static WebApplicationBuilder AddCredstackStorage(this WebApplicationBuilder builder)
    {
        DateTimeOffsetHandler.Register();
        builder.Services.AddSingleton<IConnectionFactory>(services => Create(services.GetRequiredService<IOptions<CredstackOptions>>().Value.Storage));
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddHostedService<StorageStartup>();
        return builder;
    }

    /// <summary>The connection factory for <paramref name="options"/>; also used by <c>credstack migrate</c>.</summary>
    public static IConnectionFactory Create(StorageOptions options)
    {
        DateTimeOffsetHandler.Register();
        return options.Provider switch
        {
            StorageProvider.Sqlite => new SqliteConnectionFactory(options.ConnectionString),
            StorageProvider.Postgres => new PostgresConnectionFactory(options.ConnectionString),
            _ => throw new InvalidOperationException($"unknown storage provider {options.Provider}"),
        };
    }
}
