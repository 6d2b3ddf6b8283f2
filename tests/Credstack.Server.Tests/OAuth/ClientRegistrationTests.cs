using System.Net;
using System.Net.Http.Json;
using System.Text;
using Credstack.Server.OAuth;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.OAuth;

public sealed class ClientRegistrationTests
{
    [ProviderTheory]
    public async Task Registration_returns_credentials_and_the_metadata_as_registered(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var response = await app.Client.PostAsJsonAsync("/oauth/register", new
        {
            client_name = "Example Wallet",
            client_uri = "https://client.example.org/",
            redirect_uris = new[] { OAuthFlow.RedirectUri, "http://127.0.0.1:8123/cb" },
            scope = OAuthFlow.AllScopes,
            grant_types = new[] { "authorization_code", "refresh_token" },
            contacts = new[] { "admin@client.example.org" },
        });
        var body = await Expect.JsonAsync(HttpStatusCode.Created, response);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Matches("^[0-9a-f]{32}$", body.GetProperty("client_id").GetString());
        Assert.True(body.GetProperty("client_secret").GetString()!.Length >= 43);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), body.GetProperty("client_id_issued_at").GetInt64());
        Assert.Equal(0, body.GetProperty("client_secret_expires_at").GetInt64());
        Assert.Equal("client_secret_basic", body.GetProperty("token_endpoint_auth_method").GetString());
        Assert.Equal(["code"], body.GetProperty("response_types").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, body.GetProperty("redirect_uris").GetArrayLength());
        Assert.Equal(OAuthFlow.AllScopes, body.GetProperty("scope").GetString());
    }

    [ProviderTheory]
    public async Task A_client_that_did_not_register_refresh_token_gets_no_refresh_token(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, browser) = await app.SignedInAsync();
        var (clientId, secret) = await OAuthFlow.RegisterAsync(app, grantTypes: ["authorization_code"]);
        var code = await OAuthFlow.CodeAsync(browser, clientId);
        var tokens = await Expect.JsonAsync(HttpStatusCode.OK, await OAuthFlow.ExchangeAsync(app, clientId, secret, code));
        Assert.False(tokens.TryGetProperty("refresh_token", out _));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "unauthorized_client", await OAuthFlow.RefreshAsync(app, clientId, secret, "csr_x_y"));
    }

    [ProviderTheory]
    public async Task Redirect_URIs_must_be_https_or_loopback_without_fragments(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        foreach (var uri in new[] { "http://client.example.org/cb", "https://client.example.org/cb#frag", "/relative", "javascript:alert(1)", "ftp://client.example.org/" })
        {
            var response = await RegisterAsync(app, $$"""{"client_name":"C","client_uri":"https://client.example.org/","redirect_uris":["{{uri}}"],"scope":"{{OAuthScopes.ProfileReadonly}}"}""");
            await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_redirect_uri", response);
        }

        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_redirect_uri",
            await RegisterAsync(app, $$"""{"client_name":"C","client_uri":"https://client.example.org/","scope":"{{OAuthScopes.ProfileReadonly}}"}"""));
    }

    [ProviderTheory]
    public async Task Metadata_this_server_cannot_honour_is_invalid_client_metadata(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        const string Redirect = "\"redirect_uris\":[\"https://client.example.org/cb\"]";
        string[] bodies =
        [
            $$"""{"client_uri":"https://client.example.org/",{{Redirect}},"scope":"{{OAuthScopes.ProfileReadonly}}"}""",
            $$"""{"client_name":"C",{{Redirect}},"scope":"{{OAuthScopes.ProfileReadonly}}"}""",
            $$"""{"client_name":"C","client_uri":"https://client.example.org/",{{Redirect}}}""",
            $$"""{"client_name":"C","client_uri":"https://client.example.org/",{{Redirect}},"scope":"openid email"}""",
            $$"""{"client_name":"C","client_uri":"https://client.example.org/",{{Redirect}},"scope":"{{OAuthScopes.ProfileReadonly}}","token_endpoint_auth_method":"none"}""",
            $$"""{"client_name":"C","client_uri":"https://client.example.org/",{{Redirect}},"scope":"{{OAuthScopes.ProfileReadonly}}","grant_types":["client_credentials"]}""",
            $$"""{"client_name":"C","client_uri":"https://client.example.org/",{{Redirect}},"scope":"{{OAuthScopes.ProfileReadonly}}","grant_types":["refresh_token"]}""",
            $$"""{"client_name":"C","client_uri":"https://client.example.org/",{{Redirect}},"scope":"{{OAuthScopes.ProfileReadonly}}","response_types":["token"]}""",
            $$"""{"client_name":42,"client_uri":"https://client.example.org/",{{Redirect}},"scope":"{{OAuthScopes.ProfileReadonly}}"}""",
            $$"""{"client_name":"C","client_uri":"http://client.example.org/",{{Redirect}},"scope":"{{OAuthScopes.ProfileReadonly}}"}""",
            $$"""{"client_name":"{{new string('x', 300)}}","client_uri":"https://client.example.org/",{{Redirect}},"scope":"{{OAuthScopes.ProfileReadonly}}"}""",
            "[]",
            "{\"client_name\": ",
            "",
        ];
        foreach (var body in bodies)
        {
            await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_client_metadata", await RegisterAsync(app, body));
        }

        var form = await app.Client.PostAsync("/oauth/register", new FormUrlEncodedContent(new Dictionary<string, string> { ["client_name"] = "C" }));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_client_metadata", form);
    }

    [ProviderTheory]
    public async Task Registration_and_token_bodies_over_the_limit_are_413_before_they_are_read(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:Limits:MaxRequestBodyBytes"] = "4000" });
        var huge = $$"""{"client_name":"{{new string('x', 5000)}}"}""";
        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "https://credstack.dev/problems/payload-too-large", await RegisterAsync(app, huge));
        var form = new StringContent("grant_type=" + new string('x', 5000), Encoding.UTF8, "application/x-www-form-urlencoded");
        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "https://credstack.dev/problems/payload-too-large", await app.Client.PostAsync("/oauth/token", form));
    }

    private static Task<HttpResponseMessage> RegisterAsync(TestApp app, string json) =>
        app.Client.PostAsync("/oauth/register", new StringContent(json, Encoding.UTF8, "application/json"));
}
