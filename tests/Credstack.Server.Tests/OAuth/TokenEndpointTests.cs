using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.OAuth;

public sealed class TokenEndpointTests
{
    [ProviderTheory]
    public async Task A_client_with_a_wrong_missing_or_malformed_secret_is_invalid_client_with_a_Basic_challenge(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (clientId, secret) = await OAuthFlow.RegisterAsync(app);
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = "csc_x_y", ["redirect_uri"] = OAuthFlow.RedirectUri, ["code_verifier"] = OAuthFlow.Verifier };

        var wrong = await OAuthFlow.TokenAsync(app, clientId, secret + "x", form);
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client", wrong);
        Assert.Equal("Basic realm=\"credstack\"", wrong.Headers.WwwAuthenticate.ToString());

        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client", await OAuthFlow.TokenAsync(app, "no-such-client", secret, form));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client", await app.Client.PostAsync("/oauth/token", new FormUrlEncodedContent(form)));

        foreach (var header in new[] { "Basic !!!not-base64", "Basic " + Convert.ToBase64String("no-colon"u8.ToArray()), "Bearer abc" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = new FormUrlEncodedContent(form) };
            request.Headers.TryAddWithoutValidation("Authorization", header);
            await OAuthFlow.OAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client", await app.Client.SendAsync(request));
        }
    }

    [ProviderTheory]
    public async Task Malformed_token_requests_are_OAuth_errors_never_a_500(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (clientId, secret) = await OAuthFlow.RegisterAsync(app);

        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "unsupported_grant_type", await OAuthFlow.TokenAsync(app, clientId, secret, new() { ["grant_type"] = "client_credentials" }));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request", await OAuthFlow.TokenAsync(app, clientId, secret, new() { ["code"] = "x" }));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request", await OAuthFlow.TokenAsync(app, clientId, secret, new() { ["grant_type"] = "authorization_code" }));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request", await OAuthFlow.TokenAsync(app, clientId, secret, new() { ["grant_type"] = "refresh_token" }));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant", await OAuthFlow.ExchangeAsync(app, clientId, secret, "not-a-code"));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant", await OAuthFlow.ExchangeAsync(app, clientId, secret, "csc_0123456789abcdef0123456789abcdef_secret"));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant", await OAuthFlow.RefreshAsync(app, clientId, secret, "csr_" + new string('a', 500)));

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request",
            await client.PostAsync("/oauth/token", new StringContent("{\"grant_type\":\"authorization_code\"}", Encoding.UTF8, "application/json")));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request",
            await client.PostAsync("/oauth/token", new StringContent("grant_type=refresh_token&grant_type=authorization_code", Encoding.UTF8, "application/x-www-form-urlencoded")));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request",
            await client.PostAsync("/oauth/revoke", new StringContent("", Encoding.UTF8, "application/x-www-form-urlencoded")));
    }

    [ProviderTheory]
    public async Task A_multipart_form_cut_short_is_an_OAuth_error_or_an_error_page_never_a_500(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (clientId, secret) = await OAuthFlow.RegisterAsync(app);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        static ByteArrayContent CutShort()
        {
            // No closing boundary: the multipart reader runs out of body.
            var content = new ByteArrayContent("--cut\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nauthorization_code\r\n"u8.ToArray());
            content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=cut");
            return content;
        }

        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request", await client.PostAsync("/oauth/token", CutShort()));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request", await client.PostAsync("/oauth/revoke", CutShort()));
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.PostAsync("/oauth/sign-in", CutShort())).StatusCode);
        var (_, browser) = await app.SignedInAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/oauth/authorize", CutShort())).StatusCode);
    }

    [ProviderTheory]
    public async Task A_NUL_in_a_form_value_a_client_id_or_client_metadata_is_an_OAuth_error_never_a_500(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (clientId, secret) = await OAuthFlow.RegisterAsync(app);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request",
            await client.PostAsync("/oauth/token", new StringContent("grant_type=authorization_code&code=csc_a%00b_c", Encoding.UTF8, "application/x-www-form-urlencoded")));

        var nulClient = app.CreateClient();
        nulClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"a%00b:{secret}")));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client",
            await nulClient.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "x" })));

        var registration = "{\"client_name\": \"a\\u0000b\", \"client_uri\": \"https://wallet.example.org/\", \"redirect_uris\": [\"https://wallet.example.org/cb\"], \"scope\": \"https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly\"}";
        var refused = await app.Client.PostAsync("/oauth/register", new StringContent(registration, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("NUL", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task The_authorization_endpoint_answers_a_malformed_consent_post_with_a_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, browser) = await app.SignedInAsync();
        var json = await browser.PostAsync("/oauth/authorize", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        var empty = await browser.PostAsync("/oauth/authorize", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var signIn = await app.Client.PostAsync("/oauth/sign-in", new StringContent("x", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }
}
