using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Server.Issuers;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.Verification;

namespace Credstack.Server.Tests.VcApi;

public sealed class VcApiTests
{
    private const string Rejected = "https://credstack.dev/problems/credential-rejected";

    [ProviderTheory]
    public async Task Issue_signs_as_the_token_organization_and_the_result_verifies(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var (client, did) = await IssuerClientAsync(app);

        var issued = await Expect.JsonAsync(HttpStatusCode.Created, await client.PostAsJsonAsync("/credentials/issue", new { credential = Credential(did), options = new { } }));
        var credential = issued.GetProperty("verifiableCredential");
        // An Open Badges credential: its proofs are an array, as the OB 3.0 schema types them.
        Assert.Equal(JsonValueKind.Array, credential.GetProperty("proof").ValueKind);
        Assert.Equal("eddsa-rdfc-2022", credential.GetProperty("proof")[0].GetProperty("cryptosuite").GetString());
        Assert.StartsWith(did + "#", credential.GetProperty("proof")[0].GetProperty("verificationMethod").GetString(), StringComparison.Ordinal);

        var report = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = credential }));
        Assert.True(report.GetProperty("verified").GetBoolean(), report.ToString());
        Assert.Equal(0, report.GetProperty("errors").GetArrayLength());
    }

    [ProviderTheory]
    public async Task Issue_signs_under_each_organizations_own_did_web_and_a_token_cannot_sign_as_another(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var (orgA, ownerA) = await app.CreateOrganizationAsync("A University");
        var (orgB, _) = await app.CreateOrganizationAsync("B College");
        var identity = app.Service<IssuerIdentity>();
        var (didA, didB) = (identity.Did(orgA), identity.Did(orgB));
        Assert.NotEqual(didA, didB);

        var tokenA = app.TokenClient(await app.CreateTokenAsync(orgA, ownerA, "awards:write"));
        var problem = await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, Rejected, await tokenA.PostAsJsonAsync("/credentials/issue", new { credential = Credential(didB) }));
        Assert.Contains(didA, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var issued = await Expect.JsonAsync(HttpStatusCode.Created, await tokenA.PostAsJsonAsync("/credentials/issue", new { credential = Credential(didA) }));
        Assert.StartsWith(didA + "#", issued.GetProperty("verifiableCredential").GetProperty("proof")[0].GetProperty("verificationMethod").GetString(), StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task Verify_resolves_this_servers_own_did_web_in_process(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var (client, did) = await IssuerClientAsync(app);
        Assert.StartsWith("did:web:", did, StringComparison.Ordinal);
        var issued = await Expect.JsonAsync(HttpStatusCode.Created, await client.PostAsJsonAsync("/credentials/issue", new { credential = Credential(did) }));
        var signed = Encoding.UTF8.GetBytes(issued.GetProperty("verifiableCredential").GetRawText());

        // Remote lookups are off (the default) and the test server has no network: the DID document can only come from inside.
        var content = new ByteArrayContent(signed);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var report = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.PostAsync("/verify", content));
        Assert.True(report.GetProperty("verified").GetBoolean(), report.ToString());
        Assert.Contains(report.GetProperty("checks").EnumerateArray(), c => c.GetProperty("code").GetString() == "proof.controller" && c.GetProperty("status").GetString() == "passed");
    }

    [Fact]
    public async Task Issue_is_refused_for_an_employer_organization()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var (orgId, owner) = await app.CreateOrganizationAsync("Hiring Ltd", kind: "employer");
        var client = app.TokenClient(await app.CreateTokenAsync(orgId, owner, "awards:write"));
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden",
            await client.PostAsJsonAsync("/credentials/issue", new { credential = Credential(app.Service<IssuerIdentity>().Did(orgId)) }));
    }

    [ProviderTheory]
    public async Task Issue_refuses_a_credential_without_an_issuer_or_with_an_invalid_structure_with_422(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var (client, did) = await IssuerClientAsync(app);
        var noIssuer = Credential(did);
        noIssuer.Remove("issuer");
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, Rejected, await client.PostAsJsonAsync("/credentials/issue", new { credential = noIssuer }));

        var noSubject = Credential(did);
        noSubject.Remove("credentialSubject");
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, Rejected, await client.PostAsJsonAsync("/credentials/issue", new { credential = noSubject }));

        var undefinedTerm = Credential(did);
        undefinedTerm["notInAnyContext"] = "x";
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, Rejected, await client.PostAsJsonAsync("/credentials/issue", new { credential = undefinedTerm }));
    }

    [Fact]
    public async Task Issue_answers_400_for_requests_that_are_not_an_issue_request()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var (client, _) = await IssuerClientAsync(app);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await client.PostAsJsonAsync("/credentials/issue", new { credential = "a string" }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await client.PostAsJsonAsync("/credentials/issue", new { }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await client.PostAsJsonAsync("/credentials/issue", new { credential = new { }, options = 3 }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request", await client.PostAsync("/credentials/issue", new StringContent("{ \"credential\": ", Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "https://credstack.dev/problems/unsupported-media-type", await client.PostAsync("/credentials/issue", new StringContent("credential=x", Encoding.UTF8, "application/x-www-form-urlencoded")));
    }

    [Fact]
    public async Task Issue_needs_an_API_token_with_the_awards_write_scope()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var body = new { credential = Credential("did:example:nobody") };
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, "https://credstack.dev/problems/unauthorized", await app.Client.PostAsJsonAsync("/credentials/issue", body));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, "https://credstack.dev/problems/unauthorized", await app.TokenClient("cst_wrong").PostAsJsonAsync("/credentials/issue", body));
        // A signed-in person is not an API token: the VC-API routes name no organization to act for.
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, "https://credstack.dev/problems/unauthorized", await owner.PostAsJsonAsync("/credentials/issue", body));
        var reader = app.TokenClient(await app.CreateTokenAsync(orgId, owner, "read"));
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden", await reader.PostAsJsonAsync("/credentials/issue", body));
    }

    [Fact]
    public async Task Verify_answers_400_with_the_report_when_the_credential_does_not_verify()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var tampered = JsonDocument.Parse(TestCredentials.Tampered()).RootElement;
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/credential-not-verified", await app.Client.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = tampered }));
        Assert.False(problem.GetProperty("verified").GetBoolean());
        Assert.True(problem.GetProperty("errors").GetArrayLength() > 0);
        Assert.True(problem.GetProperty("checks").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Verify_reads_a_compact_JWT_given_as_a_JSON_string()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var report = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = TestCredentials.Jwt() }));
        Assert.True(report.GetProperty("verified").GetBoolean(), report.ToString());
    }

    [Fact]
    public async Task Verify_checks_the_challenge_and_domain_options_against_the_proof()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var credential = JsonDocument.Parse(TestCredentials.Signed()).RootElement;
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/credential-not-verified",
            await app.Client.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = credential, options = new { challenge = "expected-nonce" } }));
    }

    [Fact]
    public async Task Verify_answers_400_for_requests_that_are_not_a_verify_request()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await app.Client.PostAsJsonAsync("/credentials/verify", new { }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await app.Client.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = 42 }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await app.Client.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = new { }, options = "x" }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/unreadable-credential", await app.Client.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = "not a jwt" }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request", await app.Client.PostAsync("/credentials/verify", new StringContent("{ nope", Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "https://credstack.dev/problems/unsupported-media-type", await app.Client.PostAsync("/credentials/verify", new StringContent("x", Encoding.UTF8, "text/plain")));
    }

    [Fact]
    public async Task Verify_answers_413_for_a_body_over_the_configured_cap()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Credstack:Verification:MaxInputBytes"] = "500" });
        var body = "{\"verifiableCredential\": " + Encoding.UTF8.GetString(TestCredentials.Signed()) + "}";
        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "https://credstack.dev/problems/payload-too-large",
            await app.Client.PostAsync("/credentials/verify", new StringContent(body, Encoding.UTF8, "application/json")));
    }

    [ProviderTheory]
    public async Task Status_validates_the_request_and_answers_404_for_a_credential_it_keeps_no_status_for(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var (client, _) = await IssuerClientAsync(app);
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, "https://credstack.dev/problems/unauthorized", await app.Client.PostAsJsonAsync("/credentials/status", new { credentialId = "urn:uuid:1" }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await client.PostAsJsonAsync("/credentials/status", new { credentialId = "urn:uuid:1" }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation",
            await client.PostAsJsonAsync("/credentials/status", new { credentialId = "urn:uuid:1", credentialStatus = new[] { new { type = "BitstringStatusListEntry", status = "gone" } } }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request",
            await client.PostAsync("/credentials/status", new StringContent("{\"credentialId\": 5}", Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found",
            await client.PostAsJsonAsync("/credentials/status", new { credentialId = "urn:uuid:1", credentialStatus = new[] { new { type = "BitstringStatusListEntry", status = "revoked" } } }));
    }

    /// <summary>
    /// A server whose public address is a DNS name: did:web (did:web §3.1) names DNS hosts only, so issuers under
    /// <c>http://localhost</c> have DIDs no resolver accepts. The verifier still reads them in-process, never over HTTP.
    /// </summary>
    internal static Task<TestApp> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.Ordinal) { ["Credstack:PublicBaseUrl"] = "https://credstack.test" };
        return TestApp.StartAsync(provider, values);
    }

    /// <summary>An organization's client with an <c>awards:write</c> token, and the organization's VC-API issuer id.</summary>
    internal static async Task<(HttpClient Client, string Did)> IssuerClientAsync(TestApp app)
    {
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var client = app.TokenClient(await app.CreateTokenAsync(orgId, owner, "awards:write"));
        return (client, app.Service<IssuerIdentity>().Did(orgId));
    }

    private static JsonObject Credential(string issuer)
    {
        var credential = TestCredentials.Unsigned(issuer);
        credential.Remove("id");
        credential["id"] = "urn:uuid:0193f1a2-7c00-7000-8000-0000000000b2";
        return credential;
    }
}
