using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Credstack.Server.StatusLists;
using Credstack.Server.Tests.Achievements;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Verification;

/// <summary>
/// <c>POST /verify</c> reads this server's own status lists in-process (<see cref="StatusListDocumentSource"/>), as it
/// reads its did:web documents: a credential this server issued and revoked is reported revoked with remote fetching off
/// and no network (the test server has none).
/// </summary>
public sealed class OwnStatusListTests
{
    [ProviderTheory]
    public async Task Verify_reports_a_revoked_award_of_this_server_as_revoked_from_its_own_status_list_without_the_network(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, Keys.TestCredentials.Settings);
        var (orgId, owner) = await app.CreateOrganizationAsync("Northbridge University");
        var achievement = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/achievements", AchievementTests.FullDefinition()));
        var issued = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards", new
        {
            achievementId = achievement.GetProperty("id").GetString(),
            recipient = new { email = "learner@example.org" },
            notify = false,
        }));
        var awardId = issued.GetProperty("award").GetProperty("id").GetString();
        var credential = Encoding.UTF8.GetBytes(issued.GetProperty("credential").GetRawText());

        var active = await VerifyAsync(app, credential);
        Assert.True(active.GetProperty("verified").GetBoolean(), active.ToString());
        Assert.Equal("valid", active.GetProperty("credential").GetProperty("status").GetString());
        Assert.Contains(active.GetProperty("checks").EnumerateArray(), c => c.GetProperty("code").GetString() == "status.revoked" && c.GetProperty("status").GetString() == "passed");

        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/{awardId}/revoke", new { reason = "Issued in error" }));
        await app.Service<StatusListRefresher>().FlushAsync(CancellationToken.None);
        // The verifier caches a list for its ttl (the refresh interval), as any verifier would.
        app.Clock.Advance(TimeSpan.FromSeconds(31));

        var revoked = await VerifyAsync(app, credential);
        Assert.False(revoked.GetProperty("verified").GetBoolean(), revoked.ToString());
        Assert.Equal("revoked", revoked.GetProperty("credential").GetProperty("status").GetString());
        Assert.Contains(revoked.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "status.revoked");
    }

    private static async Task<JsonElement> VerifyAsync(TestApp app, byte[] credential)
    {
        var content = new ByteArrayContent(credential);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.PostAsync("/verify", content));
    }
}
