using System.Net;
using System.Net.Http.Headers;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Web;

/// <summary>Browsers get HTML error pages; API callers keep getting problem documents; page forms need antiforgery tokens.</summary>
public sealed class PageErrorTests
{
    [ProviderTheory]
    public async Task An_unknown_page_is_an_html_page_for_a_browser_and_a_problem_for_an_api_client(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var browser = new HttpRequestMessage(HttpMethod.Get, "/no/such/page");
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var page = await app.Client.SendAsync(browser);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = new HttpRequestMessage(HttpMethod.Get, "/no/such/page");
        api.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var problem = await app.Client.SendAsync(api);
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }

    [ProviderTheory]
    public async Task A_form_post_without_an_antiforgery_token_is_refused_and_signs_nobody_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var account = await app.SignUpAsync();

        var response = await app.Client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = account.Email,
            ["password"] = account.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("credstack_session=", StringComparison.Ordinal)));
    }
}
