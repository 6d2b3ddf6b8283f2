using System.Net;
using System.Net.Http.Headers;
using Credstack.Server.Sharing;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.Sharing;

namespace Credstack.Server.Tests.Verification;

/// <summary>The verify page at <c>/verify</c> (GET and browser form posts) beside the JSON API at <c>POST /verify</c>.</summary>
public sealed class VerifyPageTests
{
    private const string Unreadable = "https://credstack.dev/problems/unreadable-credential";

    [ProviderTheory]
    public async Task Browsers_get_the_page_and_API_clients_keep_getting_JSON_from_the_same_route(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.SendAsync(SharedCredentials.Html("/verify"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Verify a credential</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A multipart upload from an API client (no HTML in Accept) is still the API's.
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("hello"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "garbage.txt");
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, Unreadable, await app.Client.PostAsync("/verify", form));
        var json = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.PostAsync("/verify", new ByteArrayContent(TestCredentials.Signed()) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }));
        Assert.True(json.GetProperty("verified").GetBoolean());

        // The same kind of body from the page's form is answered with the page, with the message in an alert and a 400.
        var garbage = await SharedCredentials.PostFormAsync(app.Client, "/verify", "/verify", new Dictionary<string, string> { ["credential"] = "hello, this is not a credential" });
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        var html = await garbage.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("This is not a credential the verifier can read", html, StringComparison.Ordinal);

        var empty = await SharedCredentials.PostFormAsync(app.Client, "/verify", "/verify", new Dictionary<string, string> { ["credential"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Paste a credential, choose a file or enter a link first.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noToken = await SharedCredentials.PostFormAsync(app.Client, "/verify", "/verify", new Dictionary<string, string> { ["credential"] = "x" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [ProviderTheory]
    public async Task A_credential_from_an_issuer_on_the_trusted_list_is_marked_trusted_and_others_are_not(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string?> { ["Credstack:Verification:TrustedIssuers:0"] = TestCredentials.Issuer };
        await using var trusting = await TestApp.StartAsync(provider, settings);
        var signed = System.Text.Encoding.UTF8.GetString(TestCredentials.Signed());
        var trusted = await (await SharedCredentials.PostFormAsync(trusting.Client, "/verify", "/verify", new Dictionary<string, string> { ["credential"] = signed })).Content.ReadAsStringAsync();
        Assert.Contains("<span>Verified</span>", trusted, StringComparison.Ordinal);
        Assert.Contains("Trusted issuer", trusted, StringComparison.Ordinal);
        Assert.Contains("<details>", trusted, StringComparison.Ordinal);
        Assert.Contains("Data Analysis with Python", trusted, StringComparison.Ordinal);

        await using var plain = await TestApp.StartAsync(provider);
        var unknown = await (await SharedCredentials.PostFormAsync(plain.Client, "/verify", "/verify", new Dictionary<string, string> { ["credential"] = signed })).Content.ReadAsStringAsync();
        Assert.Contains("<span>Verified</span>", unknown, StringComparison.Ordinal);
        Assert.Contains("Not on this server's trusted-issuer list", unknown, StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task A_credential_of_this_server_is_known_and_its_verification_is_counted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, SharedCredentials.Settings());
        var shared = await SharedCredentials.IssueAsync(app);
        var signed = await app.Client.GetStringAsync($"/credentials/{shared.AwardId}");

        var html = await (await SharedCredentials.PostFormAsync(app.Client, "/verify", "/verify", new Dictionary<string, string> { ["credential"] = signed })).Content.ReadAsStringAsync();
        Assert.Contains("<span>Verified</span>", html, StringComparison.Ordinal);
        Assert.Contains("Trusted issuer", html, StringComparison.Ordinal);
        Assert.Equal(1, (await app.Service<AwardSharingStore>().FindAsync(shared.AwardId, CancellationToken.None))!.Verifications);

        // By its URL: this server's own credentials are read in-process.
        var byUrl = await SharedCredentials.PostFormAsync(app.Client, "/verify", "/verify", new Dictionary<string, string> { ["url"] = shared.CredentialId });
        Assert.Equal(HttpStatusCode.OK, byUrl.StatusCode);
        Assert.Contains("<span>Verified</span>", await byUrl.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await app.Service<AwardSharingStore>().FindAsync(shared.AwardId, CancellationToken.None))!.Verifications);

        var unknown = await SharedCredentials.PostFormAsync(app.Client, "/verify", "/verify", new Dictionary<string, string> { ["url"] = shared.CredentialId[..^4] + "0000" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("There is no credential with this id on this server.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await shared.RevokeAsync("Issued in error");
        var revoked = await (await SharedCredentials.PostFormAsync(app.Client, "/verify", "/verify", new Dictionary<string, string> { ["credential"] = signed })).Content.ReadAsStringAsync();
        Assert.Contains("<span>Revoked</span>", revoked, StringComparison.Ordinal);
        Assert.Contains("The issuer revoked this credential: Issued in error", revoked, StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task A_link_to_another_site_is_not_fetched_when_remote_lookups_are_off_and_the_page_says_so(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var response = await SharedCredentials.PostFormAsync(app.Client, "/verify", "/verify", new Dictionary<string, string> { ["url"] = "https://badges.example.org/credentials/42" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("remote lookups are turned off", html, StringComparison.Ordinal);
        Assert.Contains("badges.example.org was not contacted", html, StringComparison.Ordinal);
    }
}
