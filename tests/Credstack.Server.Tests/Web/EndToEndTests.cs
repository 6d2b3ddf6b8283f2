using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Credstack.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Credstack.Server.Tests.Web;

/// <summary>
/// The whole journey of issue 5's acceptance, through the pages only (the test reads the claim e-mail from the
/// development outbox, as a person reads their mail): an issuer designs and awards a badge, the learner claims it from
/// the e-mail's link and makes it public, a stranger sees it verified, the baked badge verifies on the verify page, and
/// after the issuer revokes it both pages say so with the reason.
/// </summary>
public sealed partial class EndToEndTests
{
    [BrowserFact]
    public async Task Issue_claim_share_verify_and_revoke_a_badge_through_the_pages()
    {
        // The public address is a DNS name (did:web refuses IP addresses) that Chromium resolves to loopback (RFC 6761).
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var site = new Uri($"http://credstack.localhost:{port}");
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Credstack:PublicBaseUrl"] = site.ToString().TrimEnd('/') }, kestrel: true, url: $"http://127.0.0.1:{port}");
        await using var browser = await TestBrowser.LaunchAsync();

        // 1. The issuer creates an organization and an achievement, and awards it to an e-mail address.
        var issuerAccount = await app.SignUpAsync("registrar@northbridge.example");
        var issuer = await browser.NewPageAsync(site);
        await SignInAsync(issuer, issuerAccount.Email, issuerAccount.Password, "/console");
        await issuer.GetByLabel("Organization name").FillAsync("Northbridge University");
        await issuer.GetByRole(AriaRole.Button, new() { Name = "Create organization" }).ClickAsync();
        await Assertions.Expect(issuer.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        var orgId = OrgIdInPath().Match(issuer.Url).Groups[1].Value;
        Assert.NotEmpty(orgId);

        await issuer.GotoAsync($"/console/{orgId}/achievements/new");
        await issuer.GetByLabel("Name", new() { Exact = true }).FillAsync("Data Analysis with Python");
        await issuer.GetByLabel("Description", new() { Exact = true }).FillAsync("Cleans, explores and models tabular data with pandas.");
        await issuer.GetByLabel("Criteria (Markdown)").FillAsync("Complete the **six labs** and pass the final project review.");
        await issuer.GetByLabel("Badge image").SetInputFilesAsync(new FilePayload
        {
            Name = "badge.svg",
            MimeType = "image/svg+xml",
            Buffer = Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="#0f766e"/></svg>"""),
        });
        await issuer.GetByRole(AriaRole.Button, new() { Name = "Create achievement" }).ClickAsync();
        await Assertions.Expect(issuer.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await issuer.GetByRole(AriaRole.Link, new() { Name = "Award this badge" }).ClickAsync();
        await issuer.GetByLabel("Recipient's e-mail address or DID").FillAsync("maya@example.org");
        await issuer.GetByRole(AriaRole.Button, new() { Name = "Issue credential" }).ClickAsync();
        await Assertions.Expect(issuer.GetByRole(AriaRole.Status)).ToContainTextAsync("Credential issued");
        var publicPath = await issuer.GetByRole(AriaRole.Link, new() { Name = "Open its public page" }).GetAttributeAsync("href");
        Assert.StartsWith("/badges/", publicPath, StringComparison.Ordinal);

        // 2. The learner follows the claim link of the e-mail, signs up on the way, and finds the badge in the backpack.
        var owner = await app.SignInAsync(issuerAccount);
        var outbox = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/outbox"));
        var claimLink = ClaimLink().Match(outbox[0].GetProperty("body").GetString()!).Value;
        Assert.StartsWith(site.ToString().TrimEnd('/') + "/claim/", claimLink, StringComparison.Ordinal);
        var learner = await browser.NewPageAsync(site);
        await learner.GotoAsync(claimLink);
        await learner.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await learner.GetByLabel("Your name").FillAsync("Maya Learner");
        await learner.GetByLabel("E-mail address").FillAsync("maya@example.org");
        await learner.GetByLabel("Password").FillAsync(TestApp.Password);
        await learner.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await learner.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Assertions.Expect(learner.Locator(".verdict")).ToContainTextAsync("Verified");
        await learner.GetByRole(AriaRole.Link, new() { Name = "Backpack", Exact = true }).ClickAsync();
        await Assertions.Expect(learner.Locator(".backpack-item")).ToContainTextAsync("Data Analysis with Python");
        await learner.Locator(".backpack-item a").First.ClickAsync();

        // 3. The learner makes it public; a stranger opens the public page and every check passes.
        await learner.GetByRole(AriaRole.Button, new() { Name = "Make public" }).ClickAsync();
        var stranger = await browser.NewPageAsync(site);
        var response = await stranger.GotoAsync(publicPath!);
        Assert.True(response is { Ok: true }, $"{response?.Status} {stranger.Url}");
        await Assertions.Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "Data Analysis with Python", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(stranger.Locator(".verdict")).ToContainTextAsync("Verified");
        var failed = await stranger.Locator(".checklist li.failed").AllInnerTextsAsync();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
        await Axe.AssertAccessibleAsync(stranger);

        // 4. The baked PNG downloaded from the public page verifies on the verify page.
        var download = await stranger.RunAndWaitForDownloadAsync(() => stranger.GetByRole(AriaRole.Link, new() { Name = "Badge image (PNG)" }).ClickAsync());
        var baked = Path.Combine(Path.GetTempPath(), $"credstack-e2e-{Guid.NewGuid():N}.png");
        await download.SaveAsAsync(baked);
        try
        {
            await stranger.GotoAsync("/verify");
            await stranger.GetByLabel("Credential file or badge image").SetInputFilesAsync(baked);
            await stranger.GetByRole(AriaRole.Button, new() { Name = "Verify file" }).ClickAsync();
            await Assertions.Expect(stranger.Locator(".verdict")).ToContainTextAsync("Verified");
            Assert.Equal(0, await stranger.Locator(".checklist li.failed").CountAsync());

            // 5. The issuer revokes it in the console with a reason; both pages say "revoked" with that reason.
            await issuer.GotoAsync($"/console/{orgId}/credentials");
            await issuer.GetByRole(AriaRole.Link, new() { Name = "maya@example.org" }).ClickAsync();
            await issuer.GetByRole(AriaRole.Link, new() { Name = "Revoke" }).ClickAsync();
            await issuer.GetByLabel("Reason").FillAsync("Awarded to the wrong cohort");
            await issuer.GetByRole(AriaRole.Button, new() { Name = "Revoke credential" }).ClickAsync();
            await Assertions.Expect(issuer.GetByRole(AriaRole.Status)).ToContainTextAsync("revoked");
            // Status lists are re-signed in batches: the change is published within one refresh interval (30 s).
            app.Clock.Advance(TimeSpan.FromSeconds(31));

            await stranger.GotoAsync(publicPath!);
            await Assertions.Expect(stranger.Locator(".verdict")).ToContainTextAsync("Revoked");
            await Assertions.Expect(stranger.GetByText("The issuer revoked this credential: Awarded to the wrong cohort")).ToBeVisibleAsync();
            await stranger.GotoAsync("/verify");
            await stranger.GetByLabel("Credential file or badge image").SetInputFilesAsync(baked);
            await stranger.GetByRole(AriaRole.Button, new() { Name = "Verify file" }).ClickAsync();
            await Assertions.Expect(stranger.Locator(".verdict")).ToContainTextAsync("Revoked");
            await Assertions.Expect(stranger.GetByText("The issuer revoked this credential: Awarded to the wrong cohort")).ToBeVisibleAsync();
        }
        finally
        {
            File.Delete(baked);
        }
    }

    private static async Task SignInAsync(IPage page, string email, string password, string returnUrl)
    {
        await page.GotoAsync("/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + returnUrl + "**");
    }

    [GeneratedRegex(@"/console/([^/?#]+)")]
    private static partial Regex OrgIdInPath();

    [GeneratedRegex(@"https?://\S+/claim/[A-Za-z0-9_-]+")]
    private static partial Regex ClaimLink();
}
