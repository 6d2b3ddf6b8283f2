using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Credstack.Server.OAuth;
using Credstack.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Credstack.Server.Tests.OAuth;

/// <summary>Drives the OAuth 2.0 flow the way an Open Badges client and a person's browser do, through the public endpoints.</summary>
public static partial class OAuthFlow
{
    public const string RedirectUri = "https://client.example.org/callback";
    public const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-verifier-for-tests";

    public static readonly string AllScopes = string.Join(' ', OAuthScopes.OpenBadges) + " offline_access";

    /// <summary>A registered client; returns its id and secret.</summary>
    public static async Task<(string ClientId, string Secret)> RegisterAsync(TestApp app, string? scope = null, string redirectUri = RedirectUri, string[]? grantTypes = null)
    {
        var response = await app.Client.PostAsJsonAsync("/oauth/register", new
        {
            client_name = "Example Wallet",
            client_uri = "https://client.example.org/",
            logo_uri = "https://client.example.org/logo.png",
            tos_uri = "https://client.example.org/terms",
            policy_uri = "https://client.example.org/privacy",
            software_id = "c88b6ed8-269e-448e-99be-7e2ff47167d1",
            software_version = "1.0",
            redirect_uris = new[] { redirectUri },
            token_endpoint_auth_method = "client_secret_basic",
            grant_types = grantTypes ?? ["authorization_code", "refresh_token"],
            response_types = new[] { "code" },
            scope = scope ?? AllScopes,
        });
        var body = await Expect.JsonAsync(HttpStatusCode.Created, response);
        return (body.GetProperty("client_id").GetString()!, body.GetProperty("client_secret").GetString()!);
    }

    public static string AuthorizeUrl(string clientId, string? scope = null, string state = "xyz-state", string? challenge = null, string redirectUri = RedirectUri, string method = "S256")
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope ?? AllScopes,
            ["state"] = state,
            ["code_challenge"] = challenge ?? Pkce.Challenge(Verifier),
            ["code_challenge_method"] = method,
        };
        return QueryHelpers.AddQueryString("/oauth/authorize", parameters);
    }

    /// <summary>Opens the consent page as the signed-in <paramref name="browser"/>; returns the page and its ticket.</summary>
    public static async Task<(string Html, string Ticket)> ConsentPageAsync(HttpClient browser, string authorizeUrl)
    {
        var response = await browser.GetAsync(authorizeUrl);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var html = await response.Content.ReadAsStringAsync();
        var match = TicketField().Match(html);
        Assert.True(match.Success, "no consent ticket in the page: " + html);
        return (html, match.Groups[1].Value);
    }

    public static Task<HttpResponseMessage> DecideAsync(HttpClient browser, string ticket, string decision = "approve") =>
        browser.PostAsync("/oauth/authorize", new FormUrlEncodedContent(new Dictionary<string, string> { ["ticket"] = ticket, ["decision"] = decision }));

    /// <summary>Consent approved by <paramref name="browser"/>; returns the authorization code from the redirect.</summary>
    public static async Task<string> CodeAsync(HttpClient browser, string clientId, string? scope = null, string? challenge = null)
    {
        var (_, ticket) = await ConsentPageAsync(browser, AuthorizeUrl(clientId, scope, challenge: challenge));
        var redirect = await DecideAsync(browser, ticket);
        var query = RedirectQuery(redirect);
        Assert.Equal("xyz-state", query["state"]);
        return query["code"]!;
    }

    /// <summary>The query of a 302 to the client's redirect URI.</summary>
    public static Dictionary<string, string?> RedirectQuery(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(RedirectUri + "?", location, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.Ordinal);
    }

    public static Task<HttpResponseMessage> TokenAsync(TestApp app, string clientId, string secret, Dictionary<string, string> form)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic(clientId, secret);
        return client.PostAsync("/oauth/token", new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> ExchangeAsync(TestApp app, string clientId, string secret, string code, string verifier = Verifier, string redirectUri = RedirectUri) =>
        TokenAsync(app, clientId, secret, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
        });

    public static Task<HttpResponseMessage> RefreshAsync(TestApp app, string clientId, string secret, string refreshToken) =>
        TokenAsync(app, clientId, secret, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    public static Task<HttpResponseMessage> RevokeAsync(TestApp app, string clientId, string secret, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic(clientId, secret);
        return client.PostAsync("/oauth/revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));
    }

    /// <summary>The whole flow for a new signed-in person: registration, consent, code exchange. Returns the token response.</summary>
    public static async Task<Grant> GrantAsync(TestApp app, string? scope = null, HttpClient? browser = null)
    {
        browser ??= (await app.SignedInAsync()).Client;
        var (clientId, secret) = await RegisterAsync(app);
        var code = await CodeAsync(browser, clientId, scope);
        var tokens = await Expect.JsonAsync(HttpStatusCode.OK, await ExchangeAsync(app, clientId, secret, code));
        return new Grant(clientId, secret, tokens.GetProperty("access_token").GetString()!, tokens.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null, browser);
    }

    public static HttpClient Bearer(TestApp app, string accessToken)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>An OAuth error response with <paramref name="status"/> and <paramref name="error"/>; returns the body.</summary>
    public static async Task<JsonElement> OAuthErrorAsync(HttpStatusCode status, string error, HttpResponseMessage response)
    {
        var body = await Expect.JsonAsync(status, response);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return body;
    }

    private static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));

    [GeneratedRegex("name=\"ticket\" value=\"([^\"]+)\"")]
    private static partial Regex TicketField();
}
