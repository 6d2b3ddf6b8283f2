using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Credstack.Server.Achievements;
using Credstack.Server.Awards;
using Credstack.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Credstack.Server.Tests.Awards;

/// <summary>A <see cref="TestApp"/> with the award feature's test doubles, and helpers to issue through the API.</summary>
internal sealed class AwardsTestApp : IAsyncDisposable
{
    private AwardsTestApp(TestApp app, TestIssuerSigner signer, TestAchievementCatalog achievements)
    {
        App = app;
        Signer = signer;
        Achievements = achievements;
    }

    public TestApp App { get; }

    public TestIssuerSigner Signer { get; }

    public TestAchievementCatalog Achievements { get; }

    public static async Task<AwardsTestApp> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        TestIssuerSigner? signer = null;
        var achievements = new TestAchievementCatalog();
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.Ordinal);
        // The tests flush status lists themselves; a background round in real time would race the test clock.
        values.TryAdd("Credstack:StatusLists:BackgroundRefresh", "false");
        var app = await TestApp.StartAsync(provider, values, configure: builder =>
        {
            builder.Services.AddSingleton<IAwardSigner>(services => signer = new TestIssuerSigner(services.GetRequiredService<TimeProvider>()));
            builder.Services.AddSingleton<IAchievementCatalog>(achievements);
        });
        _ = app.Service<IAwardSigner>();
        return new AwardsTestApp(app, signer!, achievements);
    }

    /// <summary>An organization with one achievement ("data-analysis"); returns its id and the owner's client.</summary>
    public async Task<(string OrgId, HttpClient Owner)> OrganizationAsync(string achievementId = "data-analysis", ExpiryPolicy? expiry = null)
    {
        var (orgId, owner) = await App.CreateOrganizationAsync();
        Achievements.Add(orgId, achievementId, expiry: expiry);
        return (orgId, owner);
    }

    /// <summary>Issues through the API and returns the response body (award + credential).</summary>
    public static async Task<JsonElement> IssueAsync(HttpClient client, string orgId, object? request = null)
    {
        request ??= new { achievementId = "data-analysis", recipient = new { email = "learner@example.org" } };
        var response = await client.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards", request);
        return await Expect.JsonAsync(HttpStatusCode.Created, response);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
