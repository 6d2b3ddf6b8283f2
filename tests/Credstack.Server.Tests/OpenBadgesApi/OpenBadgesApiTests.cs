using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Credstack.Server.OAuth;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.OAuth;

namespace Credstack.Server.Tests.OpenBadgesApi;

public sealed class OpenBadgesApiTests
{
    private const string Credentials = "/ims/ob/v3p0/credentials";
    private const string Profile = "/ims/ob/v3p0/profile";

    [ProviderTheory]
    public async Task Upserting_a_credential_twice_creates_then_replaces_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = OAuthFlow.Bearer(app, (await OAuthFlow.GrantAsync(app)).AccessToken);
        var issuer = new TestCredentials();
        await Expect.StatusAsync(HttpStatusCode.Created, await PostJsonAsync(api, issuer.SignedJson(name: "Teamwork")));
        var renamed = issuer.SignedJson(name: "Teamwork, level 2");
        var replaced = await PostJsonAsync(api, renamed);
        await Expect.StatusAsync(HttpStatusCode.OK, replaced);
        Assert.Equal(renamed, await replaced.Content.ReadAsByteArrayAsync());

        var list = await api.GetAsync(Credentials);
        var page = await Expect.JsonAsync(HttpStatusCode.OK, list);
        Assert.Equal("1", list.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("Teamwork, level 2", page.GetProperty("credential")[0].GetProperty("name").GetString());
    }

    [ProviderTheory]
    public async Task A_VC_JWT_is_stored_as_sent_and_listed_under_compactJwsString(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = OAuthFlow.Bearer(app, (await OAuthFlow.GrantAsync(app)).AccessToken);
        var jws = new TestCredentials().Jws();
        var created = await api.PostAsync(Credentials, new StringContent(jws, Encoding.ASCII, "text/plain"));
        await Expect.StatusAsync(HttpStatusCode.Created, created);
        Assert.Equal("text/plain", created.Content.Headers.ContentType?.MediaType);
        Assert.Equal(jws, await created.Content.ReadAsStringAsync());

        var page = await Expect.JsonAsync(HttpStatusCode.OK, await api.GetAsync(Credentials));
        Assert.Equal(jws, page.GetProperty("compactJwsString")[0].GetString());
        Assert.Equal(0, page.GetProperty("credential").GetArrayLength());
    }

    [ProviderTheory]
    public async Task A_credential_whose_key_cannot_be_found_offline_is_kept_as_unverified_and_a_verified_one_as_verified(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = OAuthFlow.Bearer(app, (await OAuthFlow.GrantAsync(app)).AccessToken);
        var issuer = new TestCredentials();
        // did:web would need a network fetch on behalf of the API client; the server does not make it.
        await Expect.StatusAsync(HttpStatusCode.Created, await PostJsonAsync(api, issuer.SignedJsonAs("did:web:issuer.example.org")));
        await Expect.StatusAsync(HttpStatusCode.Created, await PostJsonAsync(api, issuer.SignedJson()));
        var jws = issuer.Jws(id: "urn:uuid:2b8f0c64-8f2a-4d8a-9d4e-6a1c1f0c0009", issuerId: "did:web:jwt.example.org", keyId: "did:web:jwt.example.org#key-1");
        await Expect.StatusAsync(HttpStatusCode.Created, await api.PostAsync(Credentials, new StringContent(jws, Encoding.ASCII, "text/plain")));

        await using var connection = await app.Service<Credstack.Server.Storage.IConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT issuer_id, verification FROM held_credentials ORDER BY verification";
        var rows = new List<(string, string)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Equal([("did:web:issuer.example.org", "unverified"), ("did:web:jwt.example.org", "unverified"), (issuer.IssuerDid, "verified")], rows.OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.Item1, StringComparer.Ordinal));
    }

    [ProviderTheory]
    public async Task A_credential_signed_with_a_key_that_is_not_its_issuers_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = OAuthFlow.Bearer(app, (await OAuthFlow.GrantAsync(app)).AccessToken);
        var forger = new TestCredentials();
        // Claims to come from example.edu, signed with the forger's own did:key.
        var json = await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await PostJsonAsync(api, forger.SignedJsonAs("https://example.edu/issuer", forger.KeyId)));
        Assert.Contains("verification-method-not-authorized", json.GetProperty("imsx_description").GetString(), StringComparison.Ordinal);
        var jws = forger.Jws(issuerId: "https://example.edu/issuer");
        var refused = await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await api.PostAsync(Credentials, new StringContent(jws, Encoding.ASCII, "text/plain")));
        Assert.Contains("controller-mismatch", refused.GetProperty("imsx_description").GetString(), StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task Paging_reports_the_total_and_links_to_first_last_previous_and_next_pages(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = OAuthFlow.Bearer(app, (await OAuthFlow.GrantAsync(app)).AccessToken);
        var issuer = new TestCredentials();
        for (var i = 1; i <= 5; i++)
        {
            await Expect.StatusAsync(HttpStatusCode.Created, await PostJsonAsync(api, issuer.SignedJson(id: $"urn:uuid:00000000-0000-4000-8000-00000000000{i}", name: $"Badge {i}")));
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await api.GetAsync(Credentials + "?limit=2");
        var firstPage = await Expect.JsonAsync(HttpStatusCode.OK, first);
        Assert.Equal("5", first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(["Badge 1", "Badge 2"], firstPage.GetProperty("credential").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var links = first.Headers.GetValues("Link").Single();
        Assert.Contains("<http://localhost/ims/ob/v3p0/credentials?limit=2&offset=2>; rel=\"next\"", links, StringComparison.Ordinal);
        Assert.Contains("<http://localhost/ims/ob/v3p0/credentials?limit=2&offset=4>; rel=\"last\"", links, StringComparison.Ordinal);
        Assert.Contains("<http://localhost/ims/ob/v3p0/credentials?limit=2&offset=0>; rel=\"first\"", links, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", links, StringComparison.Ordinal);

        var last = await api.GetAsync(Credentials + "?limit=2&offset=4");
        var lastPage = await Expect.JsonAsync(HttpStatusCode.OK, last);
        Assert.Equal(["Badge 5"], lastPage.GetProperty("credential").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var lastLinks = last.Headers.GetValues("Link").Single();
        Assert.Contains("offset=2>; rel=\"prev\"", lastLinks, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", lastLinks, StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task Since_keeps_only_credentials_issued_after_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = OAuthFlow.Bearer(app, (await OAuthFlow.GrantAsync(app)).AccessToken);
        await Expect.StatusAsync(HttpStatusCode.Created, await PostJsonAsync(api, new TestCredentials().SignedJson()));
        var before = await api.GetAsync(Credentials + "?since=2025-05-01T00:00:00Z");
        Assert.Equal("1", before.Headers.GetValues("X-Total-Count").Single());
        var after = await api.GetAsync(Credentials + "?since=2025-07-01T00:00:00Z");
        Assert.Equal("0", after.Headers.GetValues("X-Total-Count").Single());
    }

    [ProviderTheory]
    public async Task One_persons_credentials_and_profile_are_never_visible_to_another(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ada = OAuthFlow.Bearer(app, (await OAuthFlow.GrantAsync(app)).AccessToken);
        var (bob, bobsBrowser) = await app.SignedInAsync();
        var bobsApi = OAuthFlow.Bearer(app, (await OAuthFlow.GrantAsync(app, browser: bobsBrowser)).AccessToken);
        var credential = new TestCredentials().SignedJson();
        await Expect.StatusAsync(HttpStatusCode.Created, await PostJsonAsync(ada, credential));

        var bobs = await bobsApi.GetAsync(Credentials);
        var page = await Expect.JsonAsync(HttpStatusCode.OK, bobs);
        Assert.Equal("0", bobs.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(0, page.GetProperty("credential").GetArrayLength());
        var profile = await Expect.JsonAsync(HttpStatusCode.OK, await bobsApi.GetAsync(Profile));
        Assert.Equal($"http://localhost/profiles/{bob.Id}", profile.GetProperty("id").GetString());

        // The same credential sent by Bob is Bob's own copy: 201, not a replacement of Ada's.
        await Expect.StatusAsync(HttpStatusCode.Created, await PostJsonAsync(bobsApi, credential));
    }

    [ProviderTheory]
    public async Task A_token_without_the_operations_scope_gets_403_insufficient_scope(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = OAuthFlow.Bearer(app, (await OAuthFlow.GrantAsync(app, scope: OAuthScopes.ProfileReadonly)).AccessToken);
        await Expect.StatusAsync(HttpStatusCode.OK, await api.GetAsync(Profile));

        var response = await api.GetAsync(Credentials);
        var status = await ImsxAsync(HttpStatusCode.Forbidden, "forbidden", response);
        Assert.Contains("insufficient_scope", status.GetProperty("imsx_description").GetString(), StringComparison.Ordinal);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("error=\"insufficient_scope\"", challenge, StringComparison.Ordinal);
        Assert.Contains(OAuthScopes.CredentialReadonly, challenge, StringComparison.Ordinal);

        await ImsxAsync(HttpStatusCode.Forbidden, "forbidden", await PostJsonAsync(api, new TestCredentials().SignedJson()));
        await ImsxAsync(HttpStatusCode.Forbidden, "forbidden", await api.PutAsync(Profile, new StringContent("{}", Encoding.UTF8, "application/json")));
    }

    [ProviderTheory]
    public async Task Sessions_API_tokens_and_made_up_bearer_tokens_are_not_OAuth_access_tokens(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, browser) = await app.SignedInAsync();
        var none = await browser.GetAsync(Credentials);
        await ImsxAsync(HttpStatusCode.Unauthorized, "unauthorizedrequest", none);
        Assert.Equal("Bearer realm=\"credstack\"", none.Headers.WwwAuthenticate.ToString());

        var (orgId, owner) = await app.CreateOrganizationAsync();
        var apiToken = await app.CreateTokenAsync(orgId, owner, "read");
        await ImsxAsync(HttpStatusCode.Unauthorized, "unauthorizedrequest", await app.TokenClient(apiToken).GetAsync(Credentials));
        await ImsxAsync(HttpStatusCode.Unauthorized, "unauthorizedrequest", await OAuthFlow.Bearer(app, "csa_0123_forged").GetAsync(Credentials));

        // A refresh token is not an access token.
        var grant = await OAuthFlow.GrantAsync(app);
        await ImsxAsync(HttpStatusCode.Unauthorized, "unauthorizedrequest", await OAuthFlow.Bearer(app, grant.RefreshToken!).GetAsync(Credentials));
    }

    [ProviderTheory]
    public async Task Bad_upserts_get_Imsx_errors_never_a_500(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = OAuthFlow.Bearer(app, (await OAuthFlow.GrantAsync(app)).AccessToken);
        var issuer = new TestCredentials();

        await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await api.PostAsync(Credentials, new StringContent("{\"type\": ", Encoding.UTF8, "application/json")));
        await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await api.PostAsync(Credentials, new StringContent("[1, 2]", Encoding.UTF8, "application/json")));
        await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await api.PostAsync(Credentials, new StringContent("""{"type":["VerifiableCredential"]}""", Encoding.UTF8, "application/json")));
        await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await PostJsonAsync(api, issuer.UnsignedJson()));
        await ImsxAsync(HttpStatusCode.UnsupportedMediaType, "not_acceptable", await api.PostAsync(Credentials, new StringContent("<xml/>", Encoding.UTF8, "application/xml")));
        await ImsxAsync(HttpStatusCode.UnsupportedMediaType, "not_acceptable", await api.PostAsync(Credentials, new ByteArrayContent([1, 2, 3])));
        await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await api.PostAsync(Credentials, new StringContent("not a jws", Encoding.UTF8, "text/plain")));
        await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await api.PostAsync(Credentials, new StringContent("a.b.c", Encoding.UTF8, "text/plain")));
        await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await api.PostAsync(Credentials, new ByteArrayContent([0xff, 0xfe, 0x2e]) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }));

        // One changed character in a signed credential: the proof no longer verifies.
        var tampered = Encoding.UTF8.GetString(issuer.SignedJson()).Replace("Teamwork", "Teamwerk", StringComparison.Ordinal);
        var refused = await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await api.PostAsync(Credentials, new StringContent(tampered, Encoding.UTF8, "application/json")));
        Assert.Contains("signature-invalid", refused.GetProperty("imsx_description").GetString(), StringComparison.Ordinal);

        var jws = issuer.Jws();
        var badSignature = jws[..^2] + (jws[^2] == 'A' ? "B" : "A") + jws[^1];
        await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await api.PostAsync(Credentials, new StringContent(badSignature, Encoding.ASCII, "text/plain")));

        var page = await api.GetAsync(Credentials);
        Assert.Equal("0", page.Headers.GetValues("X-Total-Count").Single());
    }

    [ProviderTheory]
    public async Task An_upsert_over_the_body_limit_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:Limits:MaxRequestBodyBytes"] = "2000" });
        var api = OAuthFlow.Bearer(app, (await OAuthFlow.GrantAsync(app)).AccessToken);
        var response = await api.PostAsync(Credentials, new StringContent(new string(' ', 5000) + "{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [ProviderTheory]
    public async Task Bad_paging_parameters_get_a_400_Imsx_status(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = OAuthFlow.Bearer(app, (await OAuthFlow.GrantAsync(app)).AccessToken);
        foreach (var query in new[] { "?limit=0", "?limit=ten", "?offset=-1", "?limit=1&limit=2", "?since=yesterday", "?limit=99999999999" })
        {
            await ImsxAsync(HttpStatusCode.BadRequest, "invalid_query_parameter", await api.GetAsync(Credentials + query));
        }
    }

    [ProviderTheory]
    public async Task A_profile_must_be_a_valid_Profile_that_keeps_its_id(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = OAuthFlow.Bearer(app, (await OAuthFlow.GrantAsync(app)).AccessToken);
        var current = await Expect.JsonAsync(HttpStatusCode.OK, await api.GetAsync(Profile));
        Assert.Equal(["Profile"], current.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        var id = current.GetProperty("id").GetString();

        var otherId = """{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"https://example.org/someone-else","type":["Profile"],"name":"X"}""";
        await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await api.PutAsync(Profile, new StringContent(otherId, Encoding.UTF8, "application/json")));
        await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await api.PutAsync(Profile, new StringContent($$"""{"id":"{{id}}","type":["NotAProfile"]}""", Encoding.UTF8, "application/json")));
        await ImsxAsync(HttpStatusCode.BadRequest, "invalid_data", await api.PutAsync(Profile, new StringContent("{\"id\":", Encoding.UTF8, "application/json")));
        await ImsxAsync(HttpStatusCode.UnsupportedMediaType, "not_acceptable", await api.PutAsync(Profile, new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded")));

        var unchanged = await Expect.JsonAsync(HttpStatusCode.OK, await api.GetAsync(Profile));
        Assert.Equal(current.GetRawText(), unchanged.GetRawText());
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient api, byte[] credential) =>
        api.PostAsync(Credentials, new ByteArrayContent(credential) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });

    private static async Task<JsonElement> ImsxAsync(HttpStatusCode status, string codeMinor, HttpResponseMessage response)
    {
        var body = await Expect.JsonAsync(status, response);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("failure", body.GetProperty("imsx_codeMajor").GetString());
        Assert.Equal("error", body.GetProperty("imsx_severity").GetString());
        Assert.Equal(codeMinor, body.GetProperty("imsx_codeMinor").GetProperty("imsx_codeMinorField")[0].GetProperty("imsx_codeMinorFieldValue").GetString());
        return body;
    }
}
