using Credstack.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Credstack.Server.Hosting;

/// <summary>Options, defaults and the process-wide services every feature uses.</summary>
internal static class HostingSetup
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Removes the <c>--demo</c> switch from the command line (the configuration parser would take it as a key without a value).</summary>
    public static string[] TakeDemoSwitch(string[] args, out bool demo)
    {
        demo = args.Contains("--demo", StringComparer.Ordinal);
        return [.. args.Where(a => !string.Equals(a, "--demo", StringComparison.Ordinal))];
    }

    public static WebApplicationBuilder AddCredstackHosting(this WebApplicationBuilder builder, bool demo)
    {
        // Defaults below every other source, so they hold even where no appsettings.json is found
        // (`credstack serve` from any directory) and any configuration overrides them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            },
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            // `dotnet run --project src/Credstack.Server` needs no set-up; --urls or URLS override it.
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddOptions<CredstackOptions>()
            .Bind(builder.Configuration.GetSection(CredstackOptions.Section))
            .PostConfigure(options => options.Demo |= demo);
        // TryAdd: tests hand in their own clock before this runs.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>("Credstack:Limits:MaxRequestBodyBytes") ?? new RequestLimitOptions().MaxRequestBodyBytes);
        return builder;
    }

    /// <summary>Seeds demonstration data on <c>--demo</c>; call after <c>AddCredstackStorage</c>, which migrates first.</summary>
    public static WebApplicationBuilder AddDemoSeed(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<DemoSeedService>();
        return builder;
    }

    /// <summary>
    /// Rejects a request whose declared body is over the endpoint's limit, or in a charset the server cannot decode, or
    /// whose query string holds a NUL, before anything reads it.
    /// </summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestLimitMiddleware>();
        app.UseMiddleware<ContentCharsetMiddleware>();
        app.UseMiddleware<QueryTextMiddleware>();
        return app;
    }

    /// <summary>A liveness probe for load balancers: the process runs and the database answers.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckHealthAsync).WithTags("Hosting").WithName("Health").AllowAnonymous();
        return app;
    }

    private static async Task<Ok<HealthResponse>> CheckHealthAsync(IConnectionFactory connections, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return TypedResults.Ok(new HealthResponse("ok", connections.Provider.ToString().ToLowerInvariant()));
    }
}
