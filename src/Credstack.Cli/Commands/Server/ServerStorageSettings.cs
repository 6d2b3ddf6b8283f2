using System.CommandLine;
using Credstack.Server.Storage;
using Microsoft.Extensions.Configuration;

namespace Credstack.Cli.Commands.Server;

/// <summary>
/// The storage settings the server would use, read the same way: ./appsettings.json, then
/// <c>Credstack__Storage__*</c> environment variables, then <c>--provider</c> / <c>--connection-string</c>.
/// </summary>
internal static class ServerStorageSettings
{
    public static Option<string?> ProviderOption() => new("--provider")
    {
        Description = "sqlite or postgres (default: Credstack:Storage:Provider, else sqlite).",
    };

    public static Option<string?> ConnectionStringOption() => new("--connection-string")
    {
        Description = "The database connection string (default: Credstack:Storage:ConnectionString, else Data Source=data/credstack.db).",
    };

    /// <summary>The settings, or an error sentence for an unknown provider.</summary>
    public static (StorageOptions? Options, string? Error) Read(string? provider, string? connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new StorageOptions();
        configuration.GetSection("Credstack:Storage").Bind(options);
        if (provider is not null)
        {
            if (!Enum.TryParse<StorageProvider>(provider, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return (null, $"unknown provider '{provider}': use sqlite or postgres");
            }

            options.Provider = parsed;
        }

        if (connectionString is not null)
        {
            options.ConnectionString = connectionString;
        }

        return (options, null);
    }
}
