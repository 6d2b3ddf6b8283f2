using System.Net;
using System.Text.RegularExpressions;
using Credstack.Server.Storage;
using Credstack.Server.Tests.Awards;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.Verification;
using Dapper;

namespace Credstack.Server.Tests.Backpack;

/// <summary>The backpack pages over HTTP on both databases: claiming, ownership, and the two-step import.</summary>
public sealed partial class BackpackPageTests
{
    [ProviderTheory]
    public async Task A_claim_link_shows_the_credential_asks_a_visitor_to_sign_in_and_claims_it_into_the_backpack(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var awardId = await IssueAsync(owner, orgId, "lena@example.org");
        var token = await ClaimTokenAsync(owner, orgId);

        var visitor = new PageClient(awards.App);
        var invitation = await visitor.GetPageAsync($"/claim/{token}");
        Assert.Contains("Data Analysis with Python", invitation, StringComparison.Ordinal);
        Assert.Contains($"/sign-up?returnUrl=%2Fclaim%2F{token}", invitation, StringComparison.Ordinal);
        Assert.Contains($"/sign-in?returnUrl=%2Fclaim%2F{token}", invitation, StringComparison.Ordinal);
        Assert.DoesNotContain(">Claim</button>", invitation, StringComparison.Ordinal);

        var (_, learner) = await PageClient.SignedInAsync(awards.App, "lena@example.org");
        Assert.Contains(">Claim</button>", await learner.GetPageAsync($"/claim/{token}"), StringComparison.Ordinal);
        var claimed = await learner.PostFormAsync($"/claim/{token}", $"/claim/{token}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        Assert.Equal($"/backpack/credentials/{awardId}?claimed=1", claimed.Headers.Location?.OriginalString);
        Assert.Contains("Data Analysis with Python", await learner.GetPageAsync("/backpack"), StringComparison.Ordinal);
        Assert.Contains("Already in your backpack", await learner.GetPageAsync($"/claim/{token}"), StringComparison.Ordinal);

        // Used and unknown links get the same one message, as a 404.
        var (_, someoneElse) = await PageClient.SignedInAsync(awards.App);
        var used = await someoneElse.GetPageAsync($"/claim/{token}", HttpStatusCode.NotFound);
        var unknown = await someoneElse.GetPageAsync($"/claim/{new string('A', 43)}", HttpStatusCode.NotFound);
        Assert.Contains("unknown, already used or expired", used, StringComparison.Ordinal);
        Assert.Contains("unknown, already used or expired", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("Data Analysis with Python", used, StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task An_expired_claim_link_gets_the_one_message_and_claims_nothing(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        await IssueAsync(owner, orgId, "late@example.org");
        var token = await ClaimTokenAsync(owner, orgId);
        awards.App.Clock.Advance(TimeSpan.FromDays(31));
        var (_, learner) = await PageClient.SignedInAsync(awards.App, "late@example.org");
        Assert.Contains("unknown, already used or expired", await learner.GetPageAsync($"/claim/{token}", HttpStatusCode.NotFound), StringComparison.Ordinal);
        var post = await learner.PostFormAsync("/backpack", $"/claim/{token}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Contains("No badges yet", await learner.GetPageAsync("/backpack"), StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task Another_person_cannot_open_download_or_remove_someone_elses_backpack_items(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var awardId = await IssueAsync(owner, orgId, "ada@example.org");
        var token = await ClaimTokenAsync(owner, orgId);
        var (_, ada) = await PageClient.SignedInAsync(awards.App, "ada@example.org");
        Assert.Equal(HttpStatusCode.Redirect, (await ada.PostFormAsync($"/claim/{token}", $"/claim/{token}", new Dictionary<string, string>())).StatusCode);
        var importedId = await ImportAsync(ada, TestCredentials.Signed(), "credential.json");

        var awardPage = await ada.GetPageAsync($"/backpack/credentials/{awardId}");
        Assert.Contains("Data Analysis with Python", awardPage, StringComparison.Ordinal);
        // Sharing goes to the public credential page's handler; the credential starts private.
        Assert.Contains($"action=\"/badges/{awardId}?handler=Visibility\"", awardPage, StringComparison.Ordinal);
        Assert.Contains("name=\"public\" value=\"true\"", awardPage, StringComparison.Ordinal);
        Assert.Contains(">Private<", awardPage, StringComparison.Ordinal);
        Assert.Contains("Data Analysis with Python", await ada.GetPageAsync($"/backpack/credentials/{importedId}"), StringComparison.Ordinal);

        var (_, bo) = await PageClient.SignedInAsync(awards.App);
        foreach (var id in new[] { awardId, importedId })
        {
            var page = await bo.GetAsync($"/backpack/credentials/{id}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain("Data Analysis", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync($"/backpack/credentials/{id}?handler=Download")).StatusCode);
        }

        var remove = await bo.PostFormAsync("/backpack", $"/backpack/credentials/{importedId}?handler=Remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Contains("No badges yet", await bo.GetPageAsync("/backpack"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync($"/backpack/credentials/{importedId}")).StatusCode);

        // Its owner can remove an imported credential (not a claimed award: its issuer owns that).
        var removed = await ada.PostFormAsync("/backpack", $"/backpack/credentials/{importedId}?handler=Remove", new Dictionary<string, string>());
        Assert.Equal("/backpack?removed=1", removed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync($"/backpack/credentials/{importedId}")).StatusCode);
        var awardRemoval = await ada.PostFormAsync("/backpack", $"/backpack/credentials/{awardId}?handler=Remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, awardRemoval.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync($"/backpack/credentials/{awardId}")).StatusCode);
    }

    [ProviderTheory]
    public async Task Imported_credentials_belong_to_the_account_that_kept_them(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, ada) = await PageClient.SignedInAsync(app);
        var (_, bo) = await PageClient.SignedInAsync(app);

        // Bo cannot keep what Ada checked, even with its reference.
        var check = await ada.UploadAsync("/backpack/import", "/backpack/import", TestCredentials.Signed(), "credential.json", "application/json");
        var pendingId = PageClient.Hidden(await check.Content.ReadAsStringAsync(), "pendingId");
        var stolen = await bo.PostFormAsync("/backpack/import", "/backpack/import?handler=Keep", new Dictionary<string, string> { ["pendingId"] = pendingId });
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal(0, await CountAsync(app, "backpack_credentials"));

        var kept = await ada.PostFormAsync("/backpack/import", "/backpack/import?handler=Keep", new Dictionary<string, string> { ["pendingId"] = pendingId });
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Contains("Data Analysis with Python", await ada.GetPageAsync("/backpack"), StringComparison.Ordinal);
        Assert.Contains("No badges yet", await bo.GetPageAsync("/backpack"), StringComparison.Ordinal);

        // The exact bytes are kept, and a reference works once.
        Assert.Equal(TestCredentials.Signed().Length, (await ada.GetAsync(kept.Headers.Location!.OriginalString.Split('?')[0] + "?handler=Download")).Content.Headers.ContentLength);
        var again = await ada.PostFormAsync("/backpack/import", "/backpack/import?handler=Keep", new Dictionary<string, string> { ["pendingId"] = pendingId });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(1, await CountAsync(app, "backpack_credentials"));
    }

    [ProviderTheory]
    public async Task Importing_shows_the_report_before_keeping_and_keeps_JWTs_and_baked_images_as_given(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, ada) = await PageClient.SignedInAsync(app);
        var inputs = new (byte[] Bytes, string Name, string Type)[]
        {
            (System.Text.Encoding.UTF8.GetBytes(TestCredentials.Jwt()), "credential.jwt", "text/plain"),
            (TestCredentials.BakedPng(), "badge.png", "image/png"),
            (TestCredentials.BakedSvg(), "badge.svg", "image/svg+xml"),
        };
        foreach (var (bytes, name, type) in inputs)
        {
            var check = await ada.UploadAsync("/backpack/import", "/backpack/import", bytes, name, type);
            var html = await check.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);
            Assert.Contains("Verified", html, StringComparison.Ordinal);
            Assert.Contains("Keep in my backpack", html, StringComparison.Ordinal);
            Assert.Equal(0, await CountAsync(app, "backpack_credentials", name));

            var kept = await ada.PostFormAsync("/backpack/import", "/backpack/import?handler=Keep", new Dictionary<string, string> { ["pendingId"] = PageClient.Hidden(html, "pendingId") });
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
            var itemPath = kept.Headers.Location!.OriginalString.Split('?')[0];
            var download = await ada.GetAsync(itemPath + "?handler=Download");
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
            if (type.StartsWith("image/", StringComparison.Ordinal))
            {
                // The baked image is the card's picture, served so that nothing in an SVG can run.
                Assert.Contains($"{itemPath}?handler=Image", await ada.GetPageAsync("/backpack"), StringComparison.Ordinal);
                var image = await ada.GetAsync(itemPath + "?handler=Image");
                Assert.Equal(type, image.Content.Headers.ContentType?.MediaType);
                Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            }
        }

        // The same bytes again: one copy, and the page says so.
        var repeat = await ada.UploadAsync("/backpack/import", "/backpack/import", TestCredentials.BakedPng(), "badge.png", "image/png");
        var keptAgain = await ada.PostFormAsync("/backpack/import", "/backpack/import?handler=Keep", new Dictionary<string, string> { ["pendingId"] = PageClient.Hidden(await repeat.Content.ReadAsStringAsync(), "pendingId") });
        Assert.Contains("duplicate=1", keptAgain.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync(app, "backpack_credentials"));
    }

    [ProviderTheory]
    public async Task Garbage_non_credentials_and_oversized_files_are_refused_with_a_message_and_nothing_is_kept(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:Verification:MaxInputBytes"] = "20000" });
        var (_, ada) = await PageClient.SignedInAsync(app);
        var cases = new (byte[] Bytes, string Name, HttpStatusCode Status, string Message)[]
        {
            ([0x00, 0xFF, 0x13, 0x37, 0x42], "garbage.bin", HttpStatusCode.BadRequest, "not a credential"),
            ("{\"hello\": \"world\"}"u8.ToArray(), "hello.json", HttpStatusCode.BadRequest, "No credential could be read"),
            ("{ not json"u8.ToArray(), "broken.json", HttpStatusCode.BadRequest, "No credential could be read"),
            (TestCredentials.PlainPng, "plain.png", HttpStatusCode.BadRequest, "no credential baked"),
            (new byte[30_000], "huge.json", HttpStatusCode.RequestEntityTooLarge, "too large"),
        };
        foreach (var (bytes, name, status, message) in cases)
        {
            var response = await ada.UploadAsync("/backpack/import", "/backpack/import", bytes, name);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{name}: {(int)response.StatusCode}\n{html}");
            Assert.Matches("role=\"alert\"[^>]*>[\\s\\S]*" + Regex.Escape(message), html);
            Assert.DoesNotContain("pendingId", html, StringComparison.Ordinal);
        }

        var empty = await ada.PostFormAsync("/backpack/import", "/backpack/import", new Dictionary<string, string> { ["text"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(0, await CountAsync(app, "backpack_pending_imports"));
        Assert.Equal(0, await CountAsync(app, "backpack_credentials"));
    }

    [ProviderTheory]
    public async Task A_link_to_another_site_is_not_fetched_when_remote_lookups_are_off_and_the_page_says_so(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, ada) = await PageClient.SignedInAsync(app);
        Assert.Contains("turned off fetching from other sites", await ada.GetPageAsync("/backpack/import"), StringComparison.Ordinal);

        var response = await ada.PostFormAsync("/backpack/import", "/backpack/import", new Dictionary<string, string> { ["url"] = "https://badges.example.net/assertions/1" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("remote lookups off", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app, "backpack_pending_imports"));
    }

    [ProviderTheory]
    public async Task Pasted_JSON_is_checked_like_a_file(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, ada) = await PageClient.SignedInAsync(app);
        var response = await ada.PostFormAsync("/backpack/import", "/backpack/import", new Dictionary<string, string> { ["text"] = System.Text.Encoding.UTF8.GetString(TestCredentials.Tampered()) });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Not verified", html, StringComparison.Ordinal);
        Assert.Contains("did not pass every check", html, StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task The_backpack_needs_a_person_and_signing_in_lands_on_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var visitor = new PageClient(app);
        var anonymous = await visitor.GetAsync("/backpack");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.EndsWith("/sign-in?returnUrl=%2Fbackpack", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var account = await app.SignUpAsync();
        var signIn = await visitor.PostFormAsync("/sign-in", "/sign-in", new Dictionary<string, string> { ["email"] = account.Email, ["password"] = account.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/backpack", signIn.Headers.Location?.OriginalString);
        Assert.Contains("No badges yet", await visitor.GetPageAsync("/backpack"), StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task The_grid_and_the_credential_page_show_when_the_issuer_revokes_or_suspends_a_claimed_credential(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var awardId = await IssueAsync(owner, orgId, "kim@example.org");
        var token = await ClaimTokenAsync(owner, orgId);
        var (_, kim) = await PageClient.SignedInAsync(awards.App, "kim@example.org");
        await kim.PostFormAsync($"/claim/{token}", $"/claim/{token}", new Dictionary<string, string>());
        Assert.Contains("<span class=\"pill ok\">Active</span>", await kim.GetPageAsync("/backpack"), StringComparison.Ordinal);

        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsync($"/api/v1/orgs/{orgId}/awards/{awardId}/suspend", System.Net.Http.Json.JsonContent.Create(new { reason = "under review" })));
        Assert.Contains("<span class=\"pill warn\">Suspended</span>", await kim.GetPageAsync("/backpack"), StringComparison.Ordinal);

        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsync($"/api/v1/orgs/{orgId}/awards/{awardId}/revoke", System.Net.Http.Json.JsonContent.Create(new { reason = "issued in error" })));
        Assert.Contains("<span class=\"pill bad\">Revoked</span>", await kim.GetPageAsync("/backpack"), StringComparison.Ordinal);
        Assert.Contains("<span class=\"pill bad\">Revoked</span>", await kim.GetPageAsync($"/backpack/credentials/{awardId}"), StringComparison.Ordinal);
    }

    private static async Task<string> IssueAsync(HttpClient owner, string orgId, string email)
    {
        var issued = await AwardsTestApp.IssueAsync(owner, orgId, new { achievementId = "data-analysis", recipient = new { email } });
        return issued.GetProperty("award").GetProperty("id").GetString()!;
    }

    private static async Task<string> ClaimTokenAsync(HttpClient owner, string orgId)
    {
        var outbox = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/outbox"));
        return ClaimLink().Match(outbox[0].GetProperty("body").GetString()!).Groups[1].Value;
    }

    /// <summary>Imports through both steps; returns the backpack id.</summary>
    private static async Task<string> ImportAsync(PageClient client, byte[] file, string name)
    {
        var check = await client.UploadAsync("/backpack/import", "/backpack/import", file, name);
        await Expect.StatusAsync(HttpStatusCode.OK, check);
        var kept = await client.PostFormAsync("/backpack/import", "/backpack/import?handler=Keep",
            new Dictionary<string, string> { ["pendingId"] = PageClient.Hidden(await check.Content.ReadAsStringAsync(), "pendingId") });
        await Expect.StatusAsync(HttpStatusCode.Redirect, kept);
        return kept.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1];
    }

    private static async Task<long> CountAsync(TestApp app, string table, string? source = null)
    {
        await using var connection = await app.Service<IConnectionFactory>().OpenAsync(CancellationToken.None);
        return source is null
            ? await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table};")
            : await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE source = @source;", new { source });
    }

    [GeneratedRegex(@"/claim/([A-Za-z0-9_-]+)")]
    private static partial Regex ClaimLink();
}
