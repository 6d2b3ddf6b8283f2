using System.Text;
using Credstack.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Credstack.Server.Tests.Web.Console;

/// <summary>The issuer console in a real browser: forms only, no API calls from the test once the person is signed in.</summary>
public sealed class ConsoleBrowserTests
{
    [BrowserFact]
    public async Task An_issuer_creates_a_badge_awards_it_by_email_finds_it_and_revokes_it_with_a_reason()
    {
        await using var app = await TestApp.StartWebAsync(DatabaseProvider.Sqlite);
        await using var browser = await TestBrowser.LaunchAsync();
        var account = await app.SignUpAsync("issuer@example.org");
        var page = await browser.NewPageAsync(app);
        await SignInAsync(page, account, "/console");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Issuer console" })).ToBeVisibleAsync();
        await page.GetByLabel("Organization name").FillAsync("Acme Academy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create organization" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        var console = page.GetByRole(AriaRole.Navigation, new() { Name = "Console" });
        await console.GetByRole(AriaRole.Link, new() { Name = "Achievements" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Achievements", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "New achievement" }).First.ClickAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Data Analysis Fundamentals");
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("Cleans, explores and explains real data sets.");
        await page.GetByLabel("Criteria (Markdown)").FillAsync("Pass the **final project** and <script>alert(1)</script>");
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("MicroCredential");
        await page.GetByLabel("Credits").FillAsync("2.5");
        await page.GetByLabel("Skill 1: name").FillAsync("Analyse data");
        await page.GetByLabel("Skill 1: URL").FillAsync("https://esco.example.org/skill/analyse-data");
        await page.GetByLabel("Badge image").SetInputFilesAsync(new FilePayload { Name = "badge.svg", MimeType = "image/svg+xml", Buffer = Encoding.UTF8.GetBytes(BadgeSvg) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Update preview" }).ClickAsync();
        var preview = page.Locator(".badge-preview");
        await Assertions.Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Data Analysis Fundamentals" })).ToBeVisibleAsync();
        await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("final project");
        await Assertions.Expect(preview).ToContainTextAsync("<script>alert(1)</script>");
        await Assertions.Expect(preview.Locator("img.badge-image")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "console-achievement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create achievement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");

        await page.GetByRole(AriaRole.Link, new() { Name = "Award this badge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Award a badge" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "console-award");
        await page.GetByLabel("Recipient's e-mail address or DID").FillAsync("ada@example.org");
        await page.GetByLabel("Narrative (optional)").FillAsync("Built a dashboard of the city's open data.");
        await page.GetByLabel("Evidence URL (optional)").FillAsync("https://portfolio.example.org/ada");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue credential" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Credential issued");
        var publicLink = page.GetByRole(AriaRole.Link, new() { Name = "Open its public page" });
        Assert.StartsWith("/badges/", await publicLink.GetAttributeAsync("href"), StringComparison.Ordinal);

        await console.GetByRole(AriaRole.Link, new() { Name = "Credentials" }).ClickAsync();
        await page.GetByLabel("Recipient").FillAsync("ada@");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 credential found.");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "console-credentials");
        await page.GetByRole(AriaRole.Link, new() { Name = "ada@example.org" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revoke this credential?" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await page.GetByLabel("Reason").FillAsync("Issued to the wrong cohort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke credential" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("revoked");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("revoked — Issued to the wrong cohort");

        await console.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        var totals = page.GetByRole(AriaRole.List, new() { Name = "Credential totals" });
        await Assertions.Expect(totals).ToContainTextAsync("1Issued");
        await Assertions.Expect(totals).ToContainTextAsync("1Revoked");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "console-dashboard");
    }

    [BrowserFact]
    public async Task A_bulk_file_with_one_bad_row_shows_that_rows_error_in_the_dry_run_and_issues_nothing()
    {
        await using var app = await TestApp.StartWebAsync(DatabaseProvider.Sqlite);
        await using var browser = await TestBrowser.LaunchAsync();
        var (orgId, owner) = await app.CreateOrganizationAsync("Acme Academy");
        var achievementId = await ConsoleSeed.AchievementAsync(owner, orgId);
        var issuer = await app.SignUpAsync("staff@example.org");
        await owner.PostAsync($"/api/v1/orgs/{orgId}/members", System.Net.Http.Json.JsonContent.Create(new { email = issuer.Email, role = "issuer" }));
        var page = await browser.NewPageAsync(app);
        await SignInAsync(page, issuer, $"/console/{orgId}/bulk");

        await Axe.AssertAccessibleAsync(page);
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "cohort.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("row_key,email\nr1,ada@example.org\nr2,not-an-address\nr3,grace@example.org\n"),
        });
        await page.GetByLabel("Achievement for rows without an achievement_id").SelectOptionAsync(achievementId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        var problems = page.GetByRole(AriaRole.Table, new() { Name = "Problems by row" });
        await Assertions.Expect(problems.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        var row = problems.GetByRole(AriaRole.Row).Nth(1);
        await Assertions.Expect(row).ToContainTextAsync("3");
        await Assertions.Expect(row).ToContainTextAsync("r2");
        await Assertions.Expect(row).ToContainTextAsync("email");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("nothing was issued");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Issue" })).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "console-bulk-dry-run");

        var jobs = await Expect.JsonAsync(System.Net.HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/bulk-jobs"));
        Assert.Equal(0, jobs.GetArrayLength());
    }

    [BrowserFact]
    public async Task A_clean_bulk_file_is_issued_and_its_progress_page_shows_the_stored_progress_after_a_reload()
    {
        await using var app = await TestApp.StartWebAsync(DatabaseProvider.Sqlite);
        await using var browser = await TestBrowser.LaunchAsync();
        var owner = await app.SignUpAsync("owner@example.org");
        var ownerClient = await app.SignInAsync(owner);
        var created = await Expect.JsonAsync(System.Net.HttpStatusCode.Created, await ownerClient.PostAsync("/api/v1/orgs", System.Net.Http.Json.JsonContent.Create(new { name = "Acme Academy", kind = "issuer" })));
        var orgId = created.GetProperty("id").GetString()!;
        var achievementId = await ConsoleSeed.AchievementAsync(ownerClient, orgId);
        var page = await browser.NewPageAsync(app);
        await SignInAsync(page, owner, $"/console/{orgId}/bulk?achievementId={achievementId}");

        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "cohort.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("email,narrative\nada@example.org,Top of the class\ngrace@example.org,\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue 2 credentials" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bulk award" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#progress-text")).ToContainTextAsync("2 of 2 rows done (100 %): 2 issued", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("progress")).ToHaveAttributeAsync("value", "2");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "console-bulk-progress");
    }

    [BrowserFact]
    public async Task A_viewer_gets_403_for_the_award_form_and_sees_no_award_links()
    {
        await using var app = await TestApp.StartWebAsync(DatabaseProvider.Sqlite);
        await using var browser = await TestBrowser.LaunchAsync();
        var (orgId, owner) = await app.CreateOrganizationAsync("Acme Academy");
        var viewer = await app.SignUpAsync("viewer@example.org");
        await owner.PostAsync($"/api/v1/orgs/{orgId}/members", System.Net.Http.Json.JsonContent.Create(new { email = viewer.Email, role = "viewer" }));
        var page = await browser.NewPageAsync(app);
        await SignInAsync(page, viewer, $"/console/{orgId}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Award a badge" })).ToHaveCountAsync(0);

        var response = await page.GotoAsync($"/console/{orgId}/award");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Recipient's e-mail address or DID")).ToHaveCountAsync(0);
    }

    private const string BadgeSvg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="#1d4ed8"/></svg>""";

    private static async Task SignInAsync(IPage page, TestAccount account, string returnUrl)
    {
        await page.GotoAsync("/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("E-mail address").FillAsync(account.Email);
        await page.GetByLabel("Password").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + returnUrl.Split('?')[0] + "**");
    }
}
