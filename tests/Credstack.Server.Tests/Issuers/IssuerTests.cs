using System.Net;
using System.Net.Http.Json;
using System.Text;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.Keys;

namespace Credstack.Server.Tests.Issuers;

public sealed class IssuerTests
{
    private static HttpRequestMessage Get(string path, string accept) => new(HttpMethod.Get, path) { Headers = { { "Accept", accept } } };

    [ProviderTheory]
    public async Task The_hosted_profile_is_JSON_LD_for_machines_with_the_DID_as_its_id(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestCredentials.Settings);
        var (orgId, _) = await app.CreateOrganizationAsync("Northbridge University");

        var response = await app.Client.GetAsync($"/issuers/{orgId}");
        var profile = await Expect.JsonAsync(HttpStatusCode.OK, response);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://www.w3.org/ns/credentials/v2", profile.GetProperty("@context")[0].GetString());
        Assert.Equal(TestCredentials.DidOf(orgId), profile.GetProperty("id").GetString());
        Assert.Equal("Profile", profile.GetProperty("type")[0].GetString());
        Assert.Equal("Northbridge University", profile.GetProperty("name").GetString());
        Assert.Contains($"/issuers/{orgId}/did.json", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);

        var json = await app.Client.SendAsync(Get($"/issuers/{orgId}", "application/json"));
        await Expect.StatusAsync(HttpStatusCode.OK, json);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
    }

    [ProviderTheory]
    public async Task A_browser_gets_an_HTML_page_with_the_name_escaped_and_the_keys_listed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestCredentials.Settings);
        var (orgId, owner) = await app.CreateOrganizationAsync("<Acme & Sons>");
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/keys/rotate", new { }));

        var response = await app.Client.SendAsync(Get($"/issuers/{orgId}", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("&lt;Acme &amp; Sons&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<Acme", page, StringComparison.Ordinal);
        Assert.Contains("#key-1", page, StringComparison.Ordinal);
        Assert.Contains(TestCredentials.DidOf(orgId), page, StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task Unknown_issuers_and_employers_have_no_profile_or_DID_document(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (employer, _) = await app.CreateOrganizationAsync("Hiring Co", "employer");
        foreach (var path in new[] { "/issuers/nobody", "/issuers/nobody/did.json", $"/issuers/{employer}", $"/issuers/{employer}/did.json", "/issuers/%2e%2e/did.json" })
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await app.Client.GetAsync(path));
        }
    }

    [ProviderTheory]
    public async Task Admins_edit_the_profile_details_and_the_hosted_profile_shows_them(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestCredentials.Settings);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var body = new { description = "A university by the river.", homepageUrl = "https://northbridge.example", email = "badges@northbridge.example" };
        var updated = await Expect.JsonAsync(HttpStatusCode.OK, await owner.PutAsJsonAsync($"/api/v1/orgs/{orgId}/issuer", body));
        Assert.Equal(TestCredentials.DidOf(orgId), updated.GetProperty("did").GetString());
        Assert.True(updated.GetProperty("resolvable").GetBoolean());

        var profile = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.GetAsync($"/issuers/{orgId}"));
        Assert.Equal("A university by the river.", profile.GetProperty("description").GetString());
        Assert.Equal("https://northbridge.example", profile.GetProperty("url").GetString());
        Assert.Equal("badges@northbridge.example", profile.GetProperty("email").GetString());

        var read = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/issuer"));
        Assert.Equal("https://northbridge.example", read.GetProperty("homepageUrl").GetString());
    }

    [ProviderTheory]
    public async Task Profile_edits_name_each_invalid_field_and_need_an_admin(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var path = $"/api/v1/orgs/{orgId}/issuer";
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation",
            await owner.PutAsJsonAsync(path, new { description = new string('x', 2001), homepageUrl = "javascript:alert(1)", email = "nope" }));
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("description", out _));
        Assert.True(errors.TryGetProperty("homepageUrl", out _));
        Assert.True(errors.TryGetProperty("email", out _));

        var issuer = await app.MemberAsync(orgId, owner, "issuer");
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden", await issuer.PutAsJsonAsync(path, new { description = "x" }));
        await Expect.StatusAsync(HttpStatusCode.OK, await issuer.GetAsync(path));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request",
            await owner.PutAsync(path, new StringContent("[1,2", Encoding.UTF8, "application/json")));
    }

    [ProviderTheory]
    public async Task A_development_base_URL_still_gets_a_did_web_document_marked_not_resolvable(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:PublicBaseUrl"] = "http://localhost:5080" });
        var (orgId, owner) = await app.CreateOrganizationAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/keys/rotate", new { }));
        var issuer = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/issuer"));
        Assert.Equal($"did:web:localhost%3A5080:issuers:{orgId}", issuer.GetProperty("did").GetString());
        Assert.False(issuer.GetProperty("resolvable").GetBoolean());
        var document = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.GetAsync($"/issuers/{orgId}/did.json"));
        Assert.Equal($"did:web:localhost%3A5080:issuers:{orgId}#key-1", document.GetProperty("assertionMethod")[0].GetString());
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://badges.example.org")]
    [InlineData("https://badges.example.org/?x=1")]
    public async Task A_public_base_URL_that_cannot_name_issuers_stops_start_up(string baseUrl)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Credstack:PublicBaseUrl"] = baseUrl }));
        Assert.Contains("PublicBaseUrl", failure.Message, StringComparison.Ordinal);
    }
}
