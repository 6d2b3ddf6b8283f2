using Credstack.Server.Access;
using Credstack.Server.Accounts;
using Credstack.Server.Achievements;
using Credstack.Server.ApiTokens;
using Credstack.Server.Awards;
using Credstack.Server.Backpack;
using Credstack.Server.BulkJobs;
using Credstack.Server.Console;
using Credstack.Server.Delivery;
using Credstack.Server.Hosting;
using Credstack.Server.Issuers;
using Credstack.Server.Keys;
using Credstack.Server.OAuth;
using Credstack.Server.OpenBadgesApi;
using Credstack.Server.Organizations;
using Credstack.Server.Problems;
using Credstack.Server.Sharing;
using Credstack.Server.StatusLists;
using Credstack.Server.Storage;
using Credstack.Server.VcApi;
using Credstack.Server.Verification;
using Credstack.Server.Web;

namespace Credstack.Server;

/// <summary>The Credstack server. <see cref="Build"/> is the table of contents: one line per feature.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        await Build(args).RunAsync();
        return 0;
    }

    /// <summary>
    /// Builds the application; <paramref name="configure"/> runs right after the builder is made
    /// (tests swap in a test server, a database and a clock; <c>credstack serve</c> passes nothing).
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = HostingSetup.TakeDemoSwitch(args, out var demo),
            // The pages and their assets belong to this assembly wherever the process starts
            // (dotnet run from the repository root, credstack serve, a test host).
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        configure?.Invoke(builder);

        builder.AddCredstackHosting(demo);
        builder.AddCredstackProblems();
        builder.AddCredstackStorage();
        builder.AddDemoSeed();
        builder.AddCredstackAuthentication();
        builder.AddCredstackOpenApi();
        builder.AddAccounts();
        builder.AddOrganizations();
        builder.AddApiTokens();
        builder.AddIssuers();
        builder.AddIssuerKeys();
        builder.AddAchievements();
        builder.AddOAuth();
        builder.AddOpenBadgesApi();
        builder.AddStatusLists();
        builder.AddAwards();
        builder.AddDelivery();
        builder.AddVerification();
        builder.AddVcApi();
        builder.AddBulkJobs();
        builder.AddSharing();
        builder.AddBackpack();
        builder.AddWeb();
        builder.AddConsole();

        var app = builder.Build();
        app.UseCredstackProblems();
        app.UseWebAssets();
        app.UseRouting();
        app.UseRequestLimits();
        app.UseVerificationRateLimits();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealth();
        app.MapCredstackOpenApi();
        app.MapAccounts();
        app.MapSessions();
        app.MapOrganizations();
        app.MapMembers();
        app.MapApiTokens();
        app.MapIssuers();
        app.MapIssuerKeys();
        app.MapAchievements();
        app.MapAchievementImages();
        app.MapOAuthAuthorize();
        app.MapOAuthTokens();
        app.MapOpenBadgesApi();
        app.MapAwards();
        app.MapCredentials();
        app.MapStatusLists();
        app.MapClaims();
        app.MapOutbox();
        app.MapVerification();
        app.MapVcApi();
        app.MapVcApiPresentations();
        app.MapBulkJobs();
        app.MapWeb();
        return app;
    }
}
