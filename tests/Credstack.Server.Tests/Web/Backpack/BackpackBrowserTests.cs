using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.Verification;
using Microsoft.Playwright;

namespace Credstack.Server.Tests.Web.Backpack;

/// <summary>The learner's backpack in a real browser: claiming from the e-mail's link, the grid, the credential page, importing.</summary>
public sealed partial class BackpackBrowserTests
{
    [BrowserFact]
    public async Task A_credential_sent_by_email_is_claimed_from_its_link_after_signing_up_and_verifies_in_the_backpack()
    {
        await using var app = await StartOnLocalhostAsync();
        var link = await IssueByEmailAsync(app, "maya@example.org");
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app);

        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Data Analysis with Python" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "claim-signed-out");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Maya Learner");
        await page.GetByLabel("E-mail address").FillAsync("maya@example.org");
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        // Back on the claim page, signed in.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Claim" })).ToBeVisibleAsync();
        Assert.Contains("/claim/", page.Url, StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "claim");
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Claimed" })).ToBeVisibleAsync();
        Assert.Matches("/backpack/credentials/[0-9a-f]{32}", page.Url);
        var failed = await page.Locator(".checklist li.failed").AllInnerTextsAsync();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
        await Assertions.Expect(page.Locator(".verdict")).ToContainTextAsync("Verified");
        Assert.True(await page.Locator(".checklist li.passed").CountAsync() >= 3);
        await Assertions.Expect(page.Locator(".checklist li.failed")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Make public" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "backpack-credential");

        await page.GetByRole(AriaRole.Link, new() { Name = "Backpack", Exact = true }).ClickAsync();
        var item = page.Locator(".backpack-item");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item).ToContainTextAsync("Data Analysis with Python");
        await Assertions.Expect(item).ToContainTextAsync("Northbridge University");
        await Assertions.Expect(item.Locator(".pill")).ToHaveTextAsync("Active");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "backpack");
    }

    [BrowserFact]
    public async Task Importing_a_signed_file_shows_the_report_first_then_keeps_it_and_garbage_keeps_nothing()
    {
        await using var app = await TestApp.StartWebAsync(DatabaseProvider.Sqlite);
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app);
        await SignUpAsync(page);

        // Signing up lands on the (empty) backpack.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No badges yet" })).ToBeVisibleAsync();
        Assert.EndsWith("/backpack", page.Url, StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "backpack-empty");

        await page.GetByRole(AriaRole.Link, new() { Name = "Import a credential" }).First.ClickAsync();
        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = "garbage.json", MimeType = "application/json", Buffer = [0x00, 0xFF, 0x10, 0x20] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the credential" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not a credential");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = "credential.json", MimeType = "application/json", Buffer = TestCredentials.Signed() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the credential" }).ClickAsync();
        await Assertions.Expect(page.Locator(".verdict")).ToContainTextAsync("Verified");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Keep in my backpack" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "backpack-import-report");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep in my backpack" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Kept" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Data Analysis with Python", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync("/backpack");
        await Assertions.Expect(page.Locator(".backpack-item")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".backpack-item")).ToContainTextAsync("Example University");

        // Group it in a collection.
        await page.GetByRole(AriaRole.Link, new() { Name = "Collections" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Data skills");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create collection" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to collection" }).ClickAsync();
        await Assertions.Expect(page.Locator(".backpack-item")).ToContainTextAsync("Data Analysis with Python");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "backpack-collection");
    }

    [BrowserFact]
    public async Task The_backpack_and_the_import_page_work_at_phone_size()
    {
        await using var app = await TestApp.StartWebAsync(DatabaseProvider.Sqlite);
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app, phone: true);
        await SignUpAsync(page);

        await page.GotoAsync("/backpack/import");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "backpack-import");
        await AssertNoSidewaysScrollAsync(page);
        await page.GetByLabel("Paste the credential").FillAsync(System.Text.Encoding.UTF8.GetString(TestCredentials.Signed()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the credential" }).ClickAsync();
        await AssertNoSidewaysScrollAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep in my backpack" }).ClickAsync();
        await Assertions.Expect(page.Locator(".verdict")).ToContainTextAsync("Verified");
        await AssertNoSidewaysScrollAsync(page);
        await Screenshots.TakeAsync(page, "backpack-credential-phone");

        await page.GotoAsync("/backpack");
        await Assertions.Expect(page.Locator(".backpack-item")).ToHaveCountAsync(1);
        await AssertNoSidewaysScrollAsync(page);
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "backpack-phone");

        // The opt-in public profile: settings, then the page strangers see (no public badges yet).
        await page.GetByRole(AriaRole.Link, new() { Name = "Public profile" }).ClickAsync();
        await page.GetByLabel("Handle").FillAsync("ada-learner");
        await page.GetByLabel("Show my public profile").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile is public");
        await Axe.AssertAccessibleAsync(page);
        await AssertNoSidewaysScrollAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Open your public profile" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ada Learner" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "people-phone");
    }

    /// <summary>
    /// The real server on 127.0.0.1 with the public address http://credstack.localhost:{port}: the issuer's did:web needs a
    /// DNS host name with a dot (not an IP address, not "localhost"), so credentials this server issues verify through its
    /// own did.json; Chromium resolves every *.localhost name to the loopback address itself (RFC 6761).
    /// </summary>
    private static Task<TestApp> StartOnLocalhostAsync()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Credstack:PublicBaseUrl"] = $"http://credstack.localhost:{port}" },
            kestrel: true, url: $"http://127.0.0.1:{port}");
    }

    private static async Task SignUpAsync(IPage page)
    {
        await page.GotoAsync("/sign-up");
        await page.GetByLabel("Your name").FillAsync("Ada Learner");
        await page.GetByLabel("E-mail address").FillAsync($"ada{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your backpack" })).ToBeVisibleAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        var widest = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)" +
            ".slice(-3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow} px at phone size: {widest}");
    }

    /// <summary>An issuer organization with one achievement awards it to <paramref name="email"/>; returns the claim link from the outbox.</summary>
    private static async Task<string> IssueByEmailAsync(TestApp app, string email)
    {
        var (orgId, owner) = await app.CreateOrganizationAsync("Northbridge University");
        var achievement = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/achievements", new
        {
            name = "Data Analysis with Python",
            description = "Clean, explore and model tabular data with pandas.",
            criteria = new { narrative = "Complete the six labs and pass the final project review." },
        }));
        await Expect.StatusAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards", new
        {
            achievementId = achievement.GetProperty("id").GetString(),
            recipient = new { email },
        }));
        var outbox = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/outbox"));
        return ClaimLink().Match(outbox[0].GetProperty("body").GetString()!).Value;
    }

    [GeneratedRegex(@"https?://\S+/claim/[A-Za-z0-9_-]+")]
    private static partial Regex ClaimLink();
}
