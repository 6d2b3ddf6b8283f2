using System.Net;
using System.Net.Http.Json;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Web.Console;

/// <summary>What the console's pages show and change, without a browser, on both databases.</summary>
public sealed class ConsolePageTests
{
    [ProviderTheory]
    public async Task The_dashboard_counts_issued_claimed_viewed_verified_and_revoked_and_charts_today(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (account, owner, orgId) = await OwnerAsync(app);
        var achievementId = await ConsoleSeed.AchievementAsync(owner, orgId);
        var first = await ConsoleSeed.AwardAsync(owner, orgId, achievementId, "a@example.org");
        await ConsoleSeed.AwardAsync(owner, orgId, achievementId, "b@example.org");
        app.Clock.Advance(TimeSpan.FromDays(2));
        owner = await app.SignInAsync(account);
        await ConsoleSeed.AwardAsync(owner, orgId, achievementId, "c@example.org");
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/{first}/revoke", new { reason = "wrong person" }));
        var sharing = app.Service<Credstack.Server.Sharing.AwardSharingStore>();
        await sharing.RecordViewAsync(first, orgId, CancellationToken.None);
        await sharing.RecordViewAsync(first, orgId, CancellationToken.None);
        await sharing.RecordVerificationAsync(first, orgId, CancellationToken.None);

        var html = await (await owner.GetAsync($"/console/{orgId}")).Content.ReadAsStringAsync();

        Assert.Contains("<span class=\"stat-value\">3</span><span class=\"stat-label\">Issued</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"stat-value\">0</span><span class=\"stat-label\">Claimed</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"stat-value\">2</span><span class=\"stat-label\">Public page views</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"stat-value\">1</span><span class=\"stat-label\">Verified</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"stat-value\">1</span><span class=\"stat-label\">Revoked</span>", html, StringComparison.Ordinal);
        // The chart's accessible name and description, and its table alternative, day by day.
        Assert.Contains("aria-labelledby=\"chart-title chart-desc\"", html, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"chart-desc\">3 credentials issued", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2026-01-15</td><td>2</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2026-01-16</td><td>0</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2026-01-17</td><td>1</td></tr>", html, StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task The_credentials_page_filters_by_recipient_status_and_date_and_pages(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (account, owner, orgId) = await OwnerAsync(app);
        var achievementId = await ConsoleSeed.AchievementAsync(owner, orgId);
        var revoked = await ConsoleSeed.AwardAsync(owner, orgId, achievementId, "ada@example.org");
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/{revoked}/revoke", new { reason = "mistake" }));
        app.Clock.Advance(TimeSpan.FromDays(3));
        owner = await app.SignInAsync(account);
        for (var i = 0; i < 26; i++)
        {
            await ConsoleSeed.AwardAsync(owner, orgId, achievementId, $"learner{i}@example.org");
        }

        async Task<string> PageAsync(string query) => await (await owner.GetAsync($"/console/{orgId}/credentials{query}")).Content.ReadAsStringAsync();

        Assert.Contains("27 credentials found.", await PageAsync(""), StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", await PageAsync(""), StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", await PageAsync("?pageNumber=2"), StringComparison.Ordinal);
        Assert.Contains("1 credential found.", await PageAsync("?recipient=ADA@"), StringComparison.Ordinal);
        Assert.Contains("1 credential found.", await PageAsync("?status=revoked"), StringComparison.Ordinal);
        Assert.Contains("26 credentials found.", await PageAsync("?status=active"), StringComparison.Ordinal);
        Assert.Contains("1 credential found.", await PageAsync("?to=2026-01-15"), StringComparison.Ordinal);
        Assert.Contains("26 credentials found.", await PageAsync("?from=2026-01-16"), StringComparison.Ordinal);
        Assert.Contains("0 credentials found.", await PageAsync("?recipient=%25"), StringComparison.Ordinal);
        var bad = await owner.GetAsync($"/console/{orgId}/credentials?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [ProviderTheory]
    public async Task Rotating_the_key_after_confirming_retires_the_old_key_and_keeps_it_listed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        await ConsoleSeed.AwardAsync(owner, orgId, await ConsoleSeed.AchievementAsync(owner, orgId));

        var confirm = await owner.GetAsync($"/console/{orgId}/issuer/rotate");
        Assert.Contains("Rotate a signing key?", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var response = await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/issuer/rotate", [new("keyType", "Ed25519")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var keys = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/keys"));
        Assert.Equal(["retired", "active"], keys.EnumerateArray().Select(k => k.GetProperty("status").GetString()).Order(StringComparer.Ordinal).Reverse());
        var page = await (await owner.GetAsync($"/console/{orgId}/issuer")).Content.ReadAsStringAsync();
        Assert.Contains("did:web:localhost:issuers:" + orgId, page, StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task An_admin_adds_a_member_by_email_changes_their_role_and_removes_them(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var person = await app.SignUpAsync("grace@example.org");

        var unknown = await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/members", [new("email", "nobody@example.org"), new("role", "issuer")]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("the person signs up first", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/members", [new("email", person.Email), new("role", "issuer")])).StatusCode);
        Assert.Equal("issuer", await RoleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/members?handler=role", [new("accountId", person.Id), new("role", "admin")])).StatusCode);
        Assert.Equal("admin", await RoleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/members?handler=remove", [new("accountId", person.Id)])).StatusCode);
        Assert.Null(await RoleAsync());

        async Task<string?> RoleAsync()
        {
            var members = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/members"));
            return members.EnumerateArray().Where(m => m.GetProperty("accountId").GetString() == person.Id).Select(m => m.GetProperty("role").GetString()).SingleOrDefault();
        }
    }

    [ProviderTheory]
    public async Task An_admin_cannot_make_an_owner_from_the_members_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var admin = await app.MemberAsync(orgId, owner, "admin");
        var person = await app.SignUpAsync();

        var response = await ConsoleForms.PostAsync(app, admin, $"/console/{orgId}/members", [new("email", person.Email), new("role", "owner")]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Only an owner can make someone an owner.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task Archiving_from_the_achievements_page_hides_the_achievement_from_the_award_form(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var achievementId = await ConsoleSeed.AchievementAsync(owner, orgId, "Old Badge");

        var response = await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/achievements?handler=archive", [new("achievementId", achievementId)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Old Badge", await (await owner.GetAsync($"/console/{orgId}/award")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Archived", await (await owner.GetAsync($"/console/{orgId}/achievements?archived=true")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task Editing_an_achievement_in_the_form_adds_a_version_and_keeps_the_fields_the_form_does_not_show(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var created = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/achievements", new
        {
            name = "Statistics",
            description = "Describes data.",
            criteria = new { narrative = "Pass the exam." },
            specialization = "Bayesian methods",
            resultDescriptions = new[] { new { name = "Grade", resultType = "LetterGrade", allowedValues = new[] { "A", "B" } } },
        }));
        var id = created.GetProperty("id").GetString()!;

        var response = await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/achievements/{id}",
            [new("name", "Applied Statistics"), new("description", "Describes data."), new("criteriaNarrative", "Pass the exam."), new("expiryKind", "duration"), new("expiryDuration", "P2Y")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var latest = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/achievements/{id}"));
        Assert.Equal(2, latest.GetProperty("version").GetInt64());
        var definition = latest.GetProperty("definition");
        Assert.Equal("Applied Statistics", definition.GetProperty("name").GetString());
        Assert.Equal("P2Y", definition.GetProperty("expiry").GetProperty("duration").GetString());
        Assert.Equal("Bayesian methods", definition.GetProperty("specialization").GetString());
        Assert.Equal("Grade", definition.GetProperty("resultDescriptions")[0].GetProperty("name").GetString());
    }

    // Sessions last 8 hours; tests that move the clock by days sign in again afterwards.
    private static async Task<(TestAccount Account, HttpClient Owner, string OrgId)> OwnerAsync(TestApp app)
    {
        var account = await app.SignUpAsync();
        var owner = await app.SignInAsync(account);
        var created = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync("/api/v1/orgs", new { name = "Acme University", kind = "issuer" }));
        return (account, owner, created.GetProperty("id").GetString()!);
    }
}
