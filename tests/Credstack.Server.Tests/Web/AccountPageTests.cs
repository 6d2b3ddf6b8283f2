using System.Net;
using System.Net.Http.Json;
using Credstack.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Credstack.Server.Tests.Web;

/// <summary>The layout, the home page and the account pages (sign up, sign in, sign out) in a real browser.</summary>
public sealed class AccountPageTests
{
    [BrowserFact]
    public async Task A_person_signs_up_signs_out_and_signs_in_again_with_forms_only()
    {
        await using var app = await TestApp.StartWebAsync(DatabaseProvider.Sqlite);
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app);

        var response = await page.GotoAsync("/");
        Assert.True(response is { Ok: true }, $"{response?.Status} {page.Url} {await page.ContentAsync()}");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "home");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create account" }).ClickAsync();
        await Axe.AssertAccessibleAsync(page);
        await page.GetByLabel("Your name").FillAsync("Ada Learner");
        await page.GetByLabel("E-mail address").FillAsync("ada@example.org");
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        // A new person lands on their backpack, not on the home page.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your backpack" })).ToBeVisibleAsync();
        Assert.EndsWith("/backpack", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await page.GotoAsync("/sign-in");
        await page.GetByLabel("E-mail address").FillAsync("ada@example.org");
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        Assert.EndsWith("/backpack", page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Sign_up_with_a_short_password_shows_the_rule_and_creates_nothing()
    {
        await using var app = await TestApp.StartWebAsync(DatabaseProvider.Sqlite);
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app);

        await page.GotoAsync("/sign-up");
        await page.GetByLabel("Your name").FillAsync("Bo");
        await page.GetByLabel("E-mail address").FillAsync("bo@example.org");
        // Skip the browser's own minlength check to reach the server's.
        await page.EvaluateAsync("() => document.getElementById('password').removeAttribute('minlength')");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please correct");

        var signIn = await app.Client.PostAsJsonAsync("/api/v1/sessions", new { email = "bo@example.org", password = "short" });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }
}
