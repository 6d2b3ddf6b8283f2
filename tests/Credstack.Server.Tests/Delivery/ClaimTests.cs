using System.Net;
using System.Text.RegularExpressions;
using Credstack.Server.Tests.Awards;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Delivery;

public sealed partial class ClaimTests
{
    [ProviderTheory]
    public async Task An_email_recipient_gets_a_claim_link_that_attaches_the_credential_once(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var issued = await AwardsTestApp.IssueAsync(owner, orgId, new { achievementId = "data-analysis", recipient = new { email = "Lena@Example.org" } });
        var awardId = issued.GetProperty("award").GetProperty("id").GetString()!;
        Assert.False(issued.GetProperty("award").GetProperty("claimed").GetBoolean());

        var outbox = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/outbox"));
        var mail = Assert.Single(outbox.EnumerateArray());
        Assert.Equal("lena@example.org", mail.GetProperty("recipient").GetString());
        Assert.Contains("Data Analysis with Python", mail.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var body = mail.GetProperty("body").GetString()!;
        Assert.Contains(issued.GetProperty("award").GetProperty("credentialId").GetString()!, body, StringComparison.Ordinal);
        var token = ClaimLink().Match(body).Groups[1].Value;
        Assert.Equal(43, token.Length);

        var (_, learner) = await awards.App.SignedInAsync("lena@example.org");
        var claimed = await Expect.JsonAsync(HttpStatusCode.OK, await learner.PostAsync($"/api/v1/claims/{token}", null));
        Assert.Equal(awardId, claimed.GetProperty("awardId").GetString());
        Assert.True((await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/awards/{awardId}"))).GetProperty("claimed").GetBoolean());

        // Single use, and one answer for used, unknown and malformed links.
        var (_, someoneElse) = await awards.App.SignedInAsync();
        var used = await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await someoneElse.PostAsync($"/api/v1/claims/{token}", null));
        var unknown = await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await someoneElse.PostAsync($"/api/v1/claims/{new string('A', 43)}", null));
        Assert.Equal(used.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await someoneElse.PostAsync($"/api/v1/claims/{new string('A', 500)}", null));
    }

    [ProviderTheory]
    public async Task A_claim_link_expires_and_needs_a_signed_in_person(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        await AwardsTestApp.IssueAsync(owner, orgId);
        var outbox = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/outbox"));
        var token = ClaimLink().Match(outbox[0].GetProperty("body").GetString()!).Groups[1].Value;

        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, "https://credstack.dev/problems/unauthorized", await awards.App.Client.PostAsync($"/api/v1/claims/{token}", null));
        var apiToken = awards.App.TokenClient(await awards.App.CreateTokenAsync(orgId, owner, "read"));
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden", await apiToken.PostAsync($"/api/v1/claims/{token}", null));

        awards.App.Clock.Advance(TimeSpan.FromDays(31));
        var (_, learner) = await awards.App.SignedInAsync();
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await learner.PostAsync($"/api/v1/claims/{token}", null));
    }

    [ProviderTheory]
    public async Task No_mail_goes_to_DID_recipients_or_when_notify_is_false_and_each_outbox_is_its_own(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var (otherOrg, otherOwner) = await awards.OrganizationAsync();
        await AwardsTestApp.IssueAsync(owner, orgId, new { achievementId = "data-analysis", recipient = new { did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK" } });
        await AwardsTestApp.IssueAsync(owner, orgId, new { achievementId = "data-analysis", recipient = new { email = "quiet@example.org" }, notify = false });
        await AwardsTestApp.IssueAsync(otherOwner, otherOrg);

        Assert.Equal(0, (await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/outbox"))).GetArrayLength());
        Assert.Equal(1, (await Expect.JsonAsync(HttpStatusCode.OK, await otherOwner.GetAsync($"/api/v1/orgs/{otherOrg}/outbox"))).GetArrayLength());
    }

    [GeneratedRegex(@"/claim/([A-Za-z0-9_-]+)")]
    private static partial Regex ClaimLink();
}
