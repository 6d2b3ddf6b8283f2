using System.Net;
using System.Net.Sockets;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.Sharing;
using Credstack.Server.Tests.Verification;
using Microsoft.Playwright;

namespace Credstack.Server.Tests.Web;

/// <summary>The pages strangers see, in a real browser: the public credential page, its downloads, and the verify page.</summary>
public sealed class PublicCredentialPageTests
{
    /// <summary>
    /// The real server on a free loopback port, whose public address is <c>credstack.localhost</c> on that port: a DNS
    /// name (so issuer did:web DIDs are valid) that Chromium resolves to loopback by itself (RFC 6761).
    /// </summary>
    private static Task<TestApp> StartAsync(IDictionary<string, string?>? more = null)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var settings = SharedCredentials.Settings(more);
        settings["Credstack:PublicBaseUrl"] = $"http://credstack.localhost:{port}";
        return TestApp.StartAsync(DatabaseProvider.Sqlite, settings, kestrel: true, url: $"http://127.0.0.1:{port}");
    }

    [BrowserFact]
    public async Task A_stranger_sees_the_public_page_verified_and_the_downloaded_baked_badge_verifies_until_it_is_revoked()
    {
        await using var app = await StartAsync();
        var shared = await SharedCredentials.IssueAsync(app, image: TestCredentials.PlainPng);
        await using var browser = await TestBrowser.LaunchAsync();

        // The learner signs in and makes the page public with the form.
        var learner = await browser.NewPageAsync(app);
        await learner.GotoAsync("/sign-in");
        await learner.GetByLabel("E-mail address").FillAsync(shared.Learner.Email);
        await learner.GetByLabel("Password").FillAsync(shared.Learner.Password);
        await learner.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(learner.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await learner.GotoAsync($"/badges/{shared.AwardId}");
        await Assertions.Expect(learner.GetByText("Only you and the issuing organization can see this page")).ToBeVisibleAsync();
        await learner.GetByRole(AriaRole.Button, new() { Name = "Make public" }).ClickAsync();
        await Assertions.Expect(learner.GetByText("This page is public now")).ToBeVisibleAsync();

        // A stranger opens it: every check passes.
        var stranger = await browser.NewPageAsync(app);
        var response = await stranger.GotoAsync($"/badges/{shared.AwardId}");
        Assert.True(response is { Ok: true }, $"{response?.Status} {stranger.Url}");
        await Assertions.Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "Data Analysis with Python", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(stranger.GetByText("Awarded to Ada Lovelace")).ToBeVisibleAsync();
        await Assertions.Expect(stranger.Locator(".verdict")).ToContainTextAsync("Verified");
        Assert.Equal(0, await stranger.Locator(".checklist li.failed").CountAsync());
        Assert.True(await stranger.Locator(".checklist li.passed").CountAsync() >= 4);
        await Assertions.Expect(stranger.GetByRole(AriaRole.Link, new() { Name = "Add to LinkedIn profile" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("startTask=CERTIFICATION_NAME"));
        await Assertions.Expect(stranger.Locator(".criteria strong")).ToHaveTextAsync("six");
        await Assertions.Expect(stranger.GetByRole(AriaRole.Region, new() { Name = "Results" })).ToContainTextAsync("Final grade");
        await Assertions.Expect(stranger.GetByRole(AriaRole.Region, new() { Name = "Results" })).ToContainTextAsync("A");
        await Assertions.Expect(stranger.GetByRole(AriaRole.Cell, new() { Name = "S2.7.1" })).ToBeVisibleAsync();
        Assert.True(await stranger.Locator("img.badge-image").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await Axe.AssertAccessibleAsync(stranger);
        await Screenshots.TakeAsync(stranger, "credential-page");

        var download = await stranger.RunAndWaitForDownloadAsync(() => stranger.GetByRole(AriaRole.Link, new() { Name = "Badge image (PNG)" }).ClickAsync());
        Assert.EndsWith(".png", download.SuggestedFilename, StringComparison.Ordinal);
        var baked = Path.Combine(Path.GetTempPath(), $"credstack-{Guid.NewGuid():N}.png");
        await download.SaveAsAsync(baked);
        try
        {
            await stranger.GotoAsync("/verify");
            await stranger.GetByLabel("Credential file or badge image").SetInputFilesAsync(baked);
            await stranger.GetByRole(AriaRole.Button, new() { Name = "Verify file" }).ClickAsync();
            await Assertions.Expect(stranger.Locator(".verdict")).ToContainTextAsync("Verified");
            await Assertions.Expect(stranger.GetByText("Trusted issuer")).ToBeVisibleAsync();
            Assert.Equal(0, await stranger.Locator(".checklist li.failed").CountAsync());
            await Axe.AssertAccessibleAsync(stranger);
            await Screenshots.TakeAsync(stranger, "verify-result");

            await shared.RevokeAsync("Academic misconduct");
            await stranger.GotoAsync($"/badges/{shared.AwardId}");
            await Assertions.Expect(stranger.Locator(".verdict")).ToContainTextAsync("Revoked");
            await Assertions.Expect(stranger.GetByText("The issuer revoked this credential: Academic misconduct")).ToBeVisibleAsync();

            await stranger.GotoAsync("/verify");
            await stranger.GetByLabel("Credential file or badge image").SetInputFilesAsync(baked);
            await stranger.GetByRole(AriaRole.Button, new() { Name = "Verify file" }).ClickAsync();
            await Assertions.Expect(stranger.Locator(".verdict")).ToContainTextAsync("Revoked");
            await Assertions.Expect(stranger.GetByText("The issuer revoked this credential: Academic misconduct")).ToBeVisibleAsync();
        }
        finally
        {
            File.Delete(baked);
        }
    }

    [BrowserFact]
    public async Task The_verify_page_explains_garbage_and_files_that_are_too_large_or_not_credentials()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Credstack:Verification:MaxInputBytes"] = "20000" });
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app);

        await page.GotoAsync("/verify");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "verify");
        await page.GetByLabel("Credential JSON or JWT").FillAsync("{\"this\": \"is not a credential\"");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify pasted credential" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This is not a credential the verifier can read");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("Credential file or badge image").SetInputFilesAsync(new FilePayload { Name = "huge.png", MimeType = "image/png", Buffer = new byte[30_000] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify file" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("accepts at most 20,000 bytes");

        await page.GetByLabel("Credential file or badge image").SetInputFilesAsync(new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = TestCredentials.PlainPng });
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify file" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This is not a credential the verifier can read");

        await page.GetByLabel("Credential address").FillAsync("https://badges.example.org/credentials/42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("remote lookups are turned off");
    }

    [BrowserFact]
    public async Task The_public_page_and_the_verify_page_fit_a_phone_screen_without_sideways_scrolling()
    {
        await using var app = await StartAsync();
        var shared = await SharedCredentials.IssueAsync(app, makePublic: true);
        await using var browser = await TestBrowser.LaunchAsync();
        var phone = await browser.NewPageAsync(app, phone: true);

        foreach (var (path, name) in new[] { ($"/badges/{shared.AwardId}", "credential-page-phone"), ("/verify", "verify-phone") })
        {
            await phone.GotoAsync(path);
            var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            var culprits = overflow <= 0 ? "" : await phone.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(-3).map(e => e.outerHTML.slice(0, 160)).join(' | ')");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px on a phone: {culprits}");
            await Axe.AssertAccessibleAsync(phone);
            await Screenshots.TakeAsync(phone, name);
        }
    }
}
