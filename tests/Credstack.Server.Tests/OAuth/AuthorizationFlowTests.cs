using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Credstack.Server.OAuth;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.OpenBadgesApi;

namespace Credstack.Server.Tests.OAuth;

public sealed class AuthorizationFlowTests
{
    [ProviderTheory]
    public async Task A_client_registers_gets_consent_exchanges_the_code_uses_the_API_refreshes_and_revokes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (account, browser) = await app.SignedInAsync("learner@example.org");

        // Discovery names where to register, authorize and get tokens.
        var discovery = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.GetAsync("/ims/ob/v3p0/discovery"));
        var scheme = discovery.GetProperty("components").GetProperty("securitySchemes").GetProperty("OAuth2ACG");
        Assert.Equal("http://localhost/oauth/register", scheme.GetProperty("x-imssf-registrationUrl").GetString());

        var (clientId, secret) = await OAuthFlow.RegisterAsync(app);
        var (html, ticket) = await OAuthFlow.ConsentPageAsync(browser, OAuthFlow.AuthorizeUrl(clientId));
        Assert.Contains("Example Wallet", html, StringComparison.Ordinal);
        Assert.Contains(OAuthScopes.CredentialUpsert, html, StringComparison.Ordinal);
        Assert.Contains("learner@example.org", html, StringComparison.Ordinal);

        var redirect = OAuthFlow.RedirectQuery(await OAuthFlow.DecideAsync(browser, ticket));
        Assert.Equal("xyz-state", redirect["state"]);
        var tokenResponse = await OAuthFlow.ExchangeAsync(app, clientId, secret, redirect["code"]!);
        var tokens = await Expect.JsonAsync(HttpStatusCode.OK, tokenResponse);
        Assert.Equal("no-store", tokenResponse.Headers.CacheControl?.ToString());
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.Equal(3600, tokens.GetProperty("expires_in").GetInt32());
        Assert.Equal(OAuthFlow.AllScopes, tokens.GetProperty("scope").GetString());
        var api = OAuthFlow.Bearer(app, tokens.GetProperty("access_token").GetString()!);

        // Write a credential and the profile, read them back.
        var issuer = new TestCredentials();
        var signed = issuer.SignedJson();
        var created = await api.PostAsync("/ims/ob/v3p0/credentials", new ByteArrayContent(signed) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        await Expect.StatusAsync(HttpStatusCode.Created, created);
        Assert.Equal(signed, await created.Content.ReadAsByteArrayAsync());

        var list = await api.GetAsync("/ims/ob/v3p0/credentials");
        var page = await Expect.JsonAsync(HttpStatusCode.OK, list);
        Assert.Equal("1", list.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(Encoding.UTF8.GetString(signed), page.GetProperty("credential")[0].GetRawText());

        var profileId = $"http://localhost/profiles/{account.Id}";
        var profile = await Expect.JsonAsync(HttpStatusCode.OK, await api.GetAsync("/ims/ob/v3p0/profile"));
        Assert.Equal(profileId, profile.GetProperty("id").GetString());
        var newProfile = $$"""{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"{{profileId}}","type":["Profile"],"name":"Ada L.","phone":"111-222-3333"}""";
        await Expect.StatusAsync(HttpStatusCode.OK, await api.PutAsync("/ims/ob/v3p0/profile", new StringContent(newProfile, Encoding.UTF8, "application/json")));
        Assert.Equal(newProfile, await (await api.GetAsync("/ims/ob/v3p0/profile")).Content.ReadAsStringAsync());

        // Refresh: a new pair; the old refresh token is spent.
        var refreshed = await Expect.JsonAsync(HttpStatusCode.OK, await OAuthFlow.RefreshAsync(app, clientId, secret, tokens.GetProperty("refresh_token").GetString()!));
        var newRefresh = refreshed.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(tokens.GetProperty("refresh_token").GetString(), newRefresh);
        var api2 = OAuthFlow.Bearer(app, refreshed.GetProperty("access_token").GetString()!);
        await Expect.StatusAsync(HttpStatusCode.OK, await api2.GetAsync("/ims/ob/v3p0/credentials"));

        // Revoking the refresh token ends the grant: its access tokens stop working too (RFC 7009 §2.1).
        await Expect.StatusAsync(HttpStatusCode.OK, await OAuthFlow.RevokeAsync(app, clientId, secret, newRefresh));
        var refused = await api2.GetAsync("/ims/ob/v3p0/credentials");
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, refused);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, await api.GetAsync("/ims/ob/v3p0/credentials"));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant", await OAuthFlow.RefreshAsync(app, clientId, secret, newRefresh));
    }

    [ProviderTheory]
    public async Task Denying_consent_redirects_with_access_denied_and_the_state(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, browser) = await app.SignedInAsync();
        var (clientId, _) = await OAuthFlow.RegisterAsync(app);
        var (_, ticket) = await OAuthFlow.ConsentPageAsync(browser, OAuthFlow.AuthorizeUrl(clientId));
        var query = OAuthFlow.RedirectQuery(await OAuthFlow.DecideAsync(browser, ticket, "deny"));
        Assert.Equal("access_denied", query["error"]);
        Assert.Equal("xyz-state", query["state"]);
        Assert.False(query.ContainsKey("code"));
    }

    [ProviderTheory]
    public async Task A_wrong_code_verifier_is_invalid_grant_and_spends_the_code(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, browser) = await app.SignedInAsync();
        var (clientId, secret) = await OAuthFlow.RegisterAsync(app);
        var code = await OAuthFlow.CodeAsync(browser, clientId);
        var wrong = "x" + OAuthFlow.Verifier[1..];
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant", await OAuthFlow.ExchangeAsync(app, clientId, secret, code, verifier: wrong));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant", await OAuthFlow.ExchangeAsync(app, clientId, secret, code));
    }

    [ProviderTheory]
    public async Task A_code_used_twice_is_refused_and_the_tokens_from_its_first_use_are_revoked(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, browser) = await app.SignedInAsync();
        var (clientId, secret) = await OAuthFlow.RegisterAsync(app);
        var code = await OAuthFlow.CodeAsync(browser, clientId);
        var tokens = await Expect.JsonAsync(HttpStatusCode.OK, await OAuthFlow.ExchangeAsync(app, clientId, secret, code));
        var api = OAuthFlow.Bearer(app, tokens.GetProperty("access_token").GetString()!);
        await Expect.StatusAsync(HttpStatusCode.OK, await api.GetAsync("/ims/ob/v3p0/credentials"));

        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant", await OAuthFlow.ExchangeAsync(app, clientId, secret, code));
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, await api.GetAsync("/ims/ob/v3p0/credentials"));
    }

    [ProviderTheory]
    public async Task A_code_older_than_ten_minutes_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, browser) = await app.SignedInAsync();
        var (clientId, secret) = await OAuthFlow.RegisterAsync(app);
        var code = await OAuthFlow.CodeAsync(browser, clientId);
        app.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant", await OAuthFlow.ExchangeAsync(app, clientId, secret, code));
    }

    [ProviderTheory]
    public async Task A_code_is_bound_to_its_redirect_uri_and_its_client(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, browser) = await app.SignedInAsync();
        var (clientId, secret) = await OAuthFlow.RegisterAsync(app);
        var (otherId, otherSecret) = await OAuthFlow.RegisterAsync(app);

        var code = await OAuthFlow.CodeAsync(browser, clientId);
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant", await OAuthFlow.ExchangeAsync(app, otherId, otherSecret, code));

        var second = await OAuthFlow.CodeAsync(browser, clientId);
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant",
            await OAuthFlow.ExchangeAsync(app, clientId, secret, second, redirectUri: "https://client.example.org/other"));
    }

    [ProviderTheory]
    public async Task An_unregistered_redirect_uri_gets_an_error_page_and_no_redirect(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, browser) = await app.SignedInAsync();
        var (clientId, _) = await OAuthFlow.RegisterAsync(app);
        var response = await browser.GetAsync(OAuthFlow.AuthorizeUrl(clientId, redirectUri: "https://attacker.example.net/steal"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);

        var unknownClient = await browser.GetAsync(OAuthFlow.AuthorizeUrl("no-such-client"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownClient.StatusCode);
        Assert.Null(unknownClient.Headers.Location);
    }

    [ProviderTheory]
    public async Task Authorization_requests_without_S256_PKCE_or_with_unknown_scopes_are_sent_back_with_an_error(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, browser) = await app.SignedInAsync();
        var (clientId, _) = await OAuthFlow.RegisterAsync(app, scope: OAuthScopes.CredentialReadonly);

        var plain = OAuthFlow.RedirectQuery(await browser.GetAsync(OAuthFlow.AuthorizeUrl(clientId, OAuthScopes.CredentialReadonly, challenge: OAuthFlow.Verifier, method: "plain")));
        Assert.Equal("invalid_request", plain["error"]);
        Assert.Equal("xyz-state", plain["state"]);

        var noChallenge = OAuthFlow.RedirectQuery(await browser.GetAsync(OAuthFlow.AuthorizeUrl(clientId, OAuthScopes.CredentialReadonly, challenge: "")));
        Assert.Equal("invalid_request", noChallenge["error"]);

        var notRegistered = OAuthFlow.RedirectQuery(await browser.GetAsync(OAuthFlow.AuthorizeUrl(clientId, OAuthScopes.CredentialUpsert)));
        Assert.Equal("invalid_scope", notRegistered["error"]);

        var wrongType = OAuthFlow.RedirectQuery(await browser.GetAsync(OAuthFlow.AuthorizeUrl(clientId, OAuthScopes.CredentialReadonly).Replace("response_type=code", "response_type=token", StringComparison.Ordinal)));
        Assert.Equal("unsupported_response_type", wrongType["error"]);

        var noState = OAuthFlow.RedirectQuery(await browser.GetAsync(OAuthFlow.AuthorizeUrl(clientId, OAuthScopes.CredentialReadonly, state: "")));
        Assert.Equal("invalid_request", noState["error"]);
    }

    [ProviderTheory]
    public async Task A_visitor_without_a_session_is_reloaded_once_then_signs_in_and_comes_back_to_consent(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var account = await app.SignUpAsync();
        var (clientId, _) = await OAuthFlow.RegisterAsync(app);
        var url = OAuthFlow.AuthorizeUrl(clientId);

        var first = await app.Client.GetAsync(url);
        var reload = await first.Content.ReadAsStringAsync();
        Assert.Contains("http-equiv=\"refresh\"", reload, StringComparison.Ordinal);
        Assert.Contains("credstack_retry=1", reload, StringComparison.Ordinal);

        var signInPage = await (await app.Client.GetAsync(url + "&credstack_retry=1")).Content.ReadAsStringAsync();
        Assert.Contains("action=\"/oauth/sign-in\"", signInPage, StringComparison.Ordinal);

        var wrong = await app.Client.PostAsync("/oauth/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = account.Email,
            ["password"] = "not the password",
            ["return_to"] = url,
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var openRedirect = await app.Client.PostAsync("/oauth/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = account.Email,
            ["password"] = account.Password,
            ["return_to"] = "https://attacker.example.net/",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, openRedirect.StatusCode);

        var signedIn = await app.Client.PostAsync("/oauth/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = account.Email,
            ["password"] = account.Password,
            ["return_to"] = url,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(url, signedIn.Headers.Location?.ToString());
        var browser = app.CreateClient();
        browser.DefaultRequestHeaders.Add("Cookie", string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        await OAuthFlow.ConsentPageAsync(browser, url);
    }

    [ProviderTheory]
    public async Task A_consent_form_works_only_for_the_session_it_was_shown_to_and_only_for_ten_minutes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, victim) = await app.SignedInAsync();
        var (_, attacker) = await app.SignedInAsync();
        var (clientId, _) = await OAuthFlow.RegisterAsync(app);

        var (_, attackersTicket) = await OAuthFlow.ConsentPageAsync(attacker, OAuthFlow.AuthorizeUrl(clientId));
        var forged = await OAuthFlow.DecideAsync(victim, attackersTicket);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(forged.Headers.Location);

        var tampered = await OAuthFlow.DecideAsync(victim, attackersTicket[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);

        var (_, ticket) = await OAuthFlow.ConsentPageAsync(victim, OAuthFlow.AuthorizeUrl(clientId));
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.BadRequest, (await OAuthFlow.DecideAsync(victim, ticket)).StatusCode);

        var anonymous = await OAuthFlow.DecideAsync(app.Client, ticket);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [ProviderTheory]
    public async Task The_consent_page_cannot_be_framed_or_cached(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, browser) = await app.SignedInAsync();
        var (clientId, _) = await OAuthFlow.RegisterAsync(app);
        var response = await browser.GetAsync(OAuthFlow.AuthorizeUrl(clientId));
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [ProviderTheory]
    public async Task Client_names_are_HTML_encoded_on_the_consent_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, browser) = await app.SignedInAsync();
        var registration = await app.Client.PostAsync("/oauth/register", new StringContent(
            $$"""{"client_name":"<script>alert(1)</script>","client_uri":"https://client.example.org/","redirect_uris":["{{OAuthFlow.RedirectUri}}"],"scope":"{{OAuthScopes.ProfileReadonly}}"}""",
            Encoding.UTF8, "application/json"));
        var clientId = (await Expect.JsonAsync(HttpStatusCode.Created, registration)).GetProperty("client_id").GetString()!;
        var (html, _) = await OAuthFlow.ConsentPageAsync(browser, OAuthFlow.AuthorizeUrl(clientId, OAuthScopes.ProfileReadonly));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task A_replayed_refresh_token_revokes_the_whole_grant(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var grant = await OAuthFlow.GrantAsync(app);
        var rotated = await Expect.JsonAsync(HttpStatusCode.OK, await OAuthFlow.RefreshAsync(app, grant.ClientId, grant.Secret, grant.RefreshToken!));
        var api = OAuthFlow.Bearer(app, rotated.GetProperty("access_token").GetString()!);
        await Expect.StatusAsync(HttpStatusCode.OK, await api.GetAsync("/ims/ob/v3p0/credentials"));

        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant", await OAuthFlow.RefreshAsync(app, grant.ClientId, grant.Secret, grant.RefreshToken!));
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, await api.GetAsync("/ims/ob/v3p0/credentials"));
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant",
            await OAuthFlow.RefreshAsync(app, grant.ClientId, grant.Secret, rotated.GetProperty("refresh_token").GetString()!));
    }

    [ProviderTheory]
    public async Task A_refresh_may_narrow_the_scope_but_not_widen_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var grant = await OAuthFlow.GrantAsync(app, scope: $"{OAuthScopes.CredentialReadonly} {OAuthScopes.ProfileReadonly}");
        var narrowed = await Expect.JsonAsync(HttpStatusCode.OK, await OAuthFlow.TokenAsync(app, grant.ClientId, grant.Secret, new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = grant.RefreshToken!,
            ["scope"] = OAuthScopes.ProfileReadonly,
        }));
        Assert.Equal(OAuthScopes.ProfileReadonly, narrowed.GetProperty("scope").GetString());
        var api = OAuthFlow.Bearer(app, narrowed.GetProperty("access_token").GetString()!);
        await Expect.StatusAsync(HttpStatusCode.Forbidden, await api.GetAsync("/ims/ob/v3p0/credentials"));

        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_scope", await OAuthFlow.TokenAsync(app, grant.ClientId, grant.Secret, new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = narrowed.GetProperty("refresh_token").GetString()!,
            ["scope"] = OAuthScopes.CredentialUpsert,
        }));
    }

    [ProviderTheory]
    public async Task An_access_token_stops_working_after_an_hour(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var grant = await OAuthFlow.GrantAsync(app);
        var api = OAuthFlow.Bearer(app, grant.AccessToken);
        await Expect.StatusAsync(HttpStatusCode.OK, await api.GetAsync("/ims/ob/v3p0/profile"));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, await api.GetAsync("/ims/ob/v3p0/profile"));
    }

    [ProviderTheory]
    public async Task Revoking_an_access_token_leaves_the_refresh_token_usable(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var grant = await OAuthFlow.GrantAsync(app);
        await Expect.StatusAsync(HttpStatusCode.OK, await OAuthFlow.RevokeAsync(app, grant.ClientId, grant.Secret, grant.AccessToken));
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, await OAuthFlow.Bearer(app, grant.AccessToken).GetAsync("/ims/ob/v3p0/profile"));
        await Expect.StatusAsync(HttpStatusCode.OK, await OAuthFlow.RefreshAsync(app, grant.ClientId, grant.Secret, grant.RefreshToken!));
    }

    [ProviderTheory]
    public async Task A_client_cannot_revoke_another_clients_token_and_unknown_tokens_are_answered_200(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var grant = await OAuthFlow.GrantAsync(app);
        var (otherId, otherSecret) = await OAuthFlow.RegisterAsync(app);
        await OAuthFlow.OAuthErrorAsync(HttpStatusCode.BadRequest, "unauthorized_client", await OAuthFlow.RevokeAsync(app, otherId, otherSecret, grant.AccessToken));
        await Expect.StatusAsync(HttpStatusCode.OK, await OAuthFlow.Bearer(app, grant.AccessToken).GetAsync("/ims/ob/v3p0/profile"));
        await Expect.StatusAsync(HttpStatusCode.OK, await OAuthFlow.RevokeAsync(app, otherId, otherSecret, "csa_nothing_here"));
    }

    [ProviderTheory]
    public async Task Secrets_and_tokens_are_stored_only_as_hashes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var grant = await OAuthFlow.GrantAsync(app);
        await using var connection = await app.Service<Credstack.Server.Storage.IConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT secret_hash FROM oauth_clients UNION ALL SELECT secret_hash FROM oauth_tokens UNION ALL SELECT secret_hash FROM oauth_authorization_codes";
        var stored = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        Assert.Equal(4, stored.Count);
        var secrets = new[] { grant.Secret, grant.AccessToken, grant.RefreshToken! };
        Assert.All(stored, hash => Assert.All(secrets, secret => Assert.DoesNotContain(hash, secret, StringComparison.Ordinal)));
        Assert.All(stored, hash => Assert.Matches("^[0-9a-f]{64}$", hash));
    }
}
