using System.Net;
using System.Text.RegularExpressions;
using Credstack.Server.Sharing;
using Credstack.Server.Tests.Awards;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Backpack;

/// <summary>The opt-in public profile (<c>/people/{handle}</c>) on both databases.</summary>
public sealed partial class ProfilePageTests
{
    [ProviderTheory]
    public async Task A_public_profile_is_off_until_chosen_and_shows_only_the_badges_made_public(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        awards.Achievements.Add(orgId, "sql", name: "SQL for Analysts");
        var (_, adaClient) = await PageClient.SignedInAsync(awards.App);
        var shared = await ClaimWithAsync(owner, orgId, "data-analysis", adaClient);
        var hidden = await ClaimWithAsync(owner, orgId, "sql", adaClient);
        await awards.App.Service<AwardSharingStore>().SetPublicAsync(shared, orgId, true, CancellationToken.None);

        var visitor = new PageClient(awards.App);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/people/ada-lovelace")).StatusCode);
        var save = await adaClient.PostFormAsync("/backpack/profile", "/backpack/profile", new Dictionary<string, string> { ["handle"] = "ada-lovelace", ["headline"] = "Data analyst" });
        Assert.Equal("/backpack/profile?saved=1", save.Headers.Location?.OriginalString);
        // Saved but not shown: still the same 404 as an unknown handle.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/people/ada-lovelace")).StatusCode);

        await adaClient.PostFormAsync("/backpack/profile", "/backpack/profile", new Dictionary<string, string> { ["handle"] = "ada-lovelace", ["headline"] = "Data analyst", ["show"] = "true" });
        var profile = await visitor.GetPageAsync("/people/ada-lovelace");
        Assert.Contains("Data analyst", profile, StringComparison.Ordinal);
        Assert.Contains("Data Analysis with Python", profile, StringComparison.Ordinal);
        Assert.Contains($"href=\"/badges/{shared}\"", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("SQL for Analysts", profile, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, profile, StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task A_handle_is_one_persons_and_a_bad_one_saves_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, ada) = await PageClient.SignedInAsync(app);
        var (_, bo) = await PageClient.SignedInAsync(app);
        await ada.PostFormAsync("/backpack/profile", "/backpack/profile", new Dictionary<string, string> { ["handle"] = "ada", ["show"] = "true" });

        var taken = await bo.PostFormAsync("/backpack/profile", "/backpack/profile", new Dictionary<string, string> { ["handle"] = "ADA", ["show"] = "true" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("is taken", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var bad in new[] { "a", "-ada-", "ada lovelace", "<script>", new string('a', 31) })
        {
            var response = await bo.PostFormAsync("/backpack/profile", "/backpack/profile", new Dictionary<string, string> { ["handle"] = bad, ["show"] = "true" });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Matches("role=\"alert\"", await response.Content.ReadAsStringAsync());
        }

        Assert.DoesNotContain("value=\"", Regex.Match(await bo.GetPageAsync("/backpack/profile"), "<input id=\"handle\"[^>]*>").Value, StringComparison.Ordinal);
        Assert.Contains("Test Person", await new PageClient(app).GetPageAsync("/people/ada"), StringComparison.Ordinal);
    }

    /// <summary>Issues <paramref name="achievementId"/> by e-mail and claims it with <paramref name="client"/> through the claim page; returns the award id.</summary>
    private static async Task<string> ClaimWithAsync(HttpClient owner, string orgId, string achievementId, PageClient client)
    {
        var issued = await AwardsTestApp.IssueAsync(owner, orgId, new { achievementId, recipient = new { email = $"{achievementId}@example.org" } });
        var outbox = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/outbox"));
        var mail = outbox.EnumerateArray().Single(m => m.GetProperty("recipient").GetString() == $"{achievementId}@example.org");
        var token = ClaimLink().Match(mail.GetProperty("body").GetString()!).Groups[1].Value;
        await Expect.StatusAsync(HttpStatusCode.Redirect, await client.PostFormAsync($"/claim/{token}", $"/claim/{token}", new Dictionary<string, string>()));
        return issued.GetProperty("award").GetProperty("id").GetString()!;
    }

    [GeneratedRegex(@"/claim/([A-Za-z0-9_-]+)")]
    private static partial Regex ClaimLink();
}
