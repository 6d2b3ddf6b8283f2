using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Credstack.Server.Achievements;
using Credstack.Server.Awards;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Awards;

public sealed class AwardLifecycleTests
{
    [ProviderTheory]
    public async Task Revoking_needs_a_reason_records_it_and_happens_once(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var id = (await AwardsTestApp.IssueAsync(owner, orgId)).GetProperty("award").GetProperty("id").GetString()!;
        var url = $"/api/v1/orgs/{orgId}/awards/{id}/revoke";

        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await owner.PostAsJsonAsync(url, new { reason = " " }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await owner.PostAsJsonAsync(url, new { reason = new string('r', 501) }));
        awards.App.Clock.Advance(TimeSpan.FromHours(1));
        var revoked = await Expect.JsonAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync(url, new { reason = "Plagiarism" }));
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Equal("Plagiarism", revoked.GetProperty("statusReason").GetString());
        Assert.Equal(awards.App.Clock.GetUtcNow(), revoked.GetProperty("statusChangedAt").GetDateTimeOffset());

        await Expect.ProblemAsync(HttpStatusCode.Conflict, "https://credstack.dev/problems/award-state-conflict", await owner.PostAsJsonAsync(url, new { reason = "Again" }));
        await Expect.ProblemAsync(HttpStatusCode.Conflict, "https://credstack.dev/problems/award-state-conflict", await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/{id}/reinstate", new { }));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/no-such-award/revoke", new { reason = "x" }));
    }

    [ProviderTheory]
    public async Task Suspend_and_reinstate_follow_the_state_machine(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var id = (await AwardsTestApp.IssueAsync(owner, orgId)).GetProperty("award").GetProperty("id").GetString()!;
        string Url(string action) => $"/api/v1/orgs/{orgId}/awards/{id}/{action}";

        await Expect.ProblemAsync(HttpStatusCode.Conflict, "https://credstack.dev/problems/award-state-conflict", await owner.PostAsync(Url("reinstate"), null));
        var suspended = await Expect.JsonAsync(HttpStatusCode.OK, await owner.PostAsync(Url("suspend"), null));
        Assert.Equal("suspended", suspended.GetProperty("status").GetString());
        await Expect.ProblemAsync(HttpStatusCode.Conflict, "https://credstack.dev/problems/award-state-conflict", await owner.PostAsJsonAsync(Url("suspend"), new { reason = "twice" }));
        Assert.Equal("active", (await Expect.JsonAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync(Url("reinstate"), new { reason = "cleared" }))).GetProperty("status").GetString());
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsync(Url("suspend"), null));
        Assert.Equal("revoked", (await Expect.JsonAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync(Url("revoke"), new { reason = "confirmed" }))).GetProperty("status").GetString());
    }

    [ProviderTheory]
    public async Task Replacing_issues_a_credential_that_names_the_old_one_and_revokes_it_as_superseded(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var old = await AwardsTestApp.IssueAsync(owner, orgId, new { achievementId = "data-analysis", recipient = new { email = "learner@example.org" }, narrative = "First try" });
        var oldId = old.GetProperty("award").GetProperty("id").GetString()!;
        var oldCredentialId = old.GetProperty("award").GetProperty("credentialId").GetString()!;
        var oldBytes = await awards.App.Client.GetByteArrayAsync(new Uri(oldCredentialId).PathAndQuery);
        awards.Achievements.Add(orgId, "data-analysis", name: "Data Analysis, 2026 edition");

        var replaced = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/{oldId}/replace", new { narrative = "Corrected grade" }));
        var award = replaced.GetProperty("award");
        var credential = replaced.GetProperty("credential");
        Assert.Equal(oldId, award.GetProperty("replacesAwardId").GetString());
        Assert.Equal(2, award.GetProperty("achievementVersion").GetInt32());
        Assert.Equal("learner@example.org", award.GetProperty("recipient").GetProperty("value").GetString());
        var related = credential.GetProperty("relatedResource")[0];
        Assert.Equal(oldCredentialId, related.GetProperty("id").GetString());
        Assert.Equal("sha384-" + Convert.ToBase64String(SHA384.HashData(oldBytes)), related.GetProperty("digestSRI").GetString());
        var newBytes = await awards.App.Client.GetByteArrayAsync(new Uri(award.GetProperty("credentialId").GetString()!).PathAndQuery);
        await TestVerifier.AssertVerifiesAsync(newBytes, awards.App.Clock);

        var oldNow = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/awards/{oldId}"));
        Assert.Equal("revoked", oldNow.GetProperty("status").GetString());
        Assert.Equal(AwardStatuses.SupersededReason, oldNow.GetProperty("statusReason").GetString());
        Assert.Equal(award.GetProperty("id").GetString(), oldNow.GetProperty("replacedByAwardId").GetString());

        await Expect.ProblemAsync(HttpStatusCode.Conflict, "https://credstack.dev/problems/award-state-conflict",
            await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/{oldId}/replace", new { }));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found",
            await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/nothing/replace", new { }));
    }

    [ProviderTheory]
    public async Task Listing_filters_by_achievement_recipient_and_status_and_pages_with_a_cursor(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        awards.Achievements.Add(orgId, "first-aid", name: "First Aid", expiry: new ExpiryPolicy(ExpiryPolicy.AfterIssuance, Duration: "P30D"));
        var ids = new List<string>();
        foreach (var (achievement, email) in new[] { ("data-analysis", "a@example.org"), ("data-analysis", "b@example.org"), ("first-aid", "a@example.org"), ("data-analysis", "a@example.org"), ("first-aid", "c@example.org") })
        {
            awards.App.Clock.Advance(TimeSpan.FromSeconds(1));
            ids.Add((await AwardsTestApp.IssueAsync(owner, orgId, new { achievementId = achievement, recipient = new { email }, notify = false })).GetProperty("award").GetProperty("id").GetString()!);
        }

        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/{ids[0]}/revoke", new { reason = "error" }));
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsync($"/api/v1/orgs/{orgId}/awards/{ids[1]}/suspend", null));

        // A token, not the session: the session cookie does not outlive the month the clock jumps.
        var reader = awards.App.TokenClient(await awards.App.CreateTokenAsync(orgId, owner, "read"));

        async Task<string[]> IdsAsync(string query)
        {
            var page = await Expect.JsonAsync(HttpStatusCode.OK, await reader.GetAsync($"/api/v1/orgs/{orgId}/awards?{query}"));
            return [.. page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)];
        }

        Assert.Equal([ids[4], ids[3], ids[2], ids[1], ids[0]], await IdsAsync(""));
        Assert.Equal([ids[4], ids[2]], await IdsAsync("achievementId=first-aid"));
        Assert.Equal([ids[3], ids[2], ids[0]], await IdsAsync("recipient=A%40Example.org"));
        Assert.Equal([ids[0]], await IdsAsync("status=revoked"));
        Assert.Equal([ids[1]], await IdsAsync("status=suspended"));
        Assert.Equal([ids[4], ids[3], ids[2]], await IdsAsync("status=active"));
        Assert.Empty(await IdsAsync("status=expired"));
        awards.App.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal([ids[4], ids[2]], await IdsAsync("status=expired"));
        Assert.True((await Expect.JsonAsync(HttpStatusCode.OK, await reader.GetAsync($"/api/v1/orgs/{orgId}/awards/{ids[2]}"))).GetProperty("expired").GetBoolean());

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Expect.JsonAsync(HttpStatusCode.OK, await reader.GetAsync($"/api/v1/orgs/{orgId}/awards?limit=2" + (cursor is null ? "" : $"&cursor={cursor}")));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(Enumerable.Reverse(ids), seen);

        foreach (var bad in new[] { "status=lost", "limit=0", "limit=201", "cursor=zzz", "limit=ten" })
        {
            var response = await reader.GetAsync($"/api/v1/orgs/{orgId}/awards?{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
