using System.Net;
using System.Net.Http.Json;
using System.Text;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Server.Keys;
using Credstack.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Credstack.Server.Tests.Keys;

public sealed class IssuerKeyTests
{
    [ProviderTheory]
    public async Task A_credential_signed_before_a_rotation_still_verifies_through_the_served_did_json(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestCredentials.Settings);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var signer = app.Service<IssuerSigner>();

        var first = await signer.SignAsync(orgId, TestCredentials.Unsigned(TestCredentials.DidOf(orgId)), IssuerSigningSuite.EddsaRdfc2022, CancellationToken.None);
        Assert.True(first.Succeeded, first.Detail);
        Assert.Equal(TestCredentials.DidOf(orgId) + "#key-1", first.VerificationMethod);

        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/keys/rotate", new { keyType = "Ed25519" }));
        var second = await signer.SignAsync(orgId, TestCredentials.Unsigned(TestCredentials.DidOf(orgId)), IssuerSigningSuite.EddsaRdfc2022, CancellationToken.None);
        Assert.True(second.Succeeded, second.Detail);
        Assert.Equal(TestCredentials.DidOf(orgId) + "#key-2", second.VerificationMethod);

        var fetcher = new TestServerDidFetcher(app.Client);
        var verifier = new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver(new DidWebResolver(fetcher) { CacheDuration = TimeSpan.Zero })));
        var old = await verifier.VerifyAsync(first.Credential);
        Assert.True(old.Succeeded, old.ToString());
        var current = await verifier.VerifyAsync(second.Credential);
        Assert.True(current.Succeeded, current.ToString());
        Assert.Contains(fetcher.Fetched, u => u.AbsoluteUri == $"https://issuers.credstack.test/issuers/{orgId}/did.json");

        var tampered = Encoding.UTF8.GetString(first.Credential).Replace("Data Literacy", "Data Mastery", StringComparison.Ordinal);
        Assert.False((await verifier.VerifyAsync(Encoding.UTF8.GetBytes(tampered))).Succeeded);
    }

    [ProviderTheory]
    public async Task Open_Badges_credentials_get_their_proof_as_an_array_and_other_credentials_as_one_object(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestCredentials.Settings);
        var (orgId, _) = await app.CreateOrganizationAsync();
        var signer = app.Service<IssuerSigner>();

        // OB 3.0's achievementcredential.json schema types proof as an array; a single object is only tolerated.
        var badge = await signer.SignAsync(orgId, TestCredentials.Unsigned(TestCredentials.DidOf(orgId)), IssuerSigningSuite.EddsaRdfc2022, CancellationToken.None);
        Assert.True(badge.Succeeded, badge.Detail);
        var badgeProof = System.Text.Json.JsonDocument.Parse(badge.Credential).RootElement.GetProperty("proof");
        Assert.Equal(System.Text.Json.JsonValueKind.Array, badgeProof.ValueKind);
        Assert.Equal("eddsa-rdfc-2022", badgeProof[0].GetProperty("cryptosuite").GetString());
        var validation = Credstack.Credentials.Validation.CredentialValidator.Validate(badge.Credential, Credstack.Credentials.Validation.ValidationMode.Strict);
        Assert.True(validation.IsValid, validation.ToString());

        var plain = System.Text.Json.Nodes.JsonNode.Parse(TestCredentials.Unsigned(TestCredentials.DidOf(orgId)))!.AsObject();
        plain["type"] = new System.Text.Json.Nodes.JsonArray("VerifiableCredential");
        var vc = await signer.SignAsync(orgId, Encoding.UTF8.GetBytes(plain.ToJsonString()), IssuerSigningSuite.EddsaJcs2022, CancellationToken.None);
        Assert.True(vc.Succeeded, vc.Detail);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, System.Text.Json.JsonDocument.Parse(vc.Credential).RootElement.GetProperty("proof").ValueKind);
    }

    [ProviderTheory]
    public async Task The_did_document_lists_every_key_under_assertionMethod_and_only_current_ones_for_authentication(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestCredentials.Settings);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/keys/rotate", new { }));
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/keys/rotate", new { keyType = "Ed25519" }));
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/keys/rotate", new { keyType = "P-256" }));

        var response = await app.Client.GetAsync($"/issuers/{orgId}/did.json");
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        Assert.Equal("application/did+json", response.Content.Headers.ContentType?.MediaType);
        var parsed = DidDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.True(parsed.Succeeded, parsed.Detail);
        var document = parsed.Document;
        var did = TestCredentials.DidOf(orgId);
        Assert.Equal(did, document.Id);
        Assert.Equal(["key-1", "key-2", "key-3"], document.VerificationMethod!.Select(m => m.Id[(did.Length + 1)..]).ToArray());
        Assert.All(document.VerificationMethod!, m => Assert.Equal("Multikey", m.Type));
        Assert.Equal(3, document.AssertionMethod!.Count);
        Assert.Equal([did + "#key-2", did + "#key-3"], document.Authentication!.Select(r => r.Id).ToArray());

        var keys = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/keys"));
        Assert.Equal(["retired", "active", "active"], keys.EnumerateArray().Select(k => k.GetProperty("status").GetString()!).ToArray());
        Assert.Equal(["Ed25519", "Ed25519", "P-256"], keys.EnumerateArray().Select(k => k.GetProperty("keyType").GetString()!).ToArray());
    }

    [ProviderTheory]
    public async Task Every_suite_signs_with_a_key_of_its_type_and_the_Data_Integrity_ones_verify(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestCredentials.Settings);
        var (orgId, _) = await app.CreateOrganizationAsync();
        var signer = app.Service<IssuerSigner>();
        var verifier = new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver(new DidWebResolver(new TestServerDidFetcher(app.Client)) { CacheDuration = TimeSpan.Zero })));
        foreach (var suite in new[] { IssuerSigningSuite.EddsaRdfc2022, IssuerSigningSuite.EddsaJcs2022, IssuerSigningSuite.EcdsaRdfc2019, IssuerSigningSuite.EcdsaJcs2019 })
        {
            var signed = await signer.SignAsync(orgId, TestCredentials.Unsigned(TestCredentials.DidOf(orgId)), suite, CancellationToken.None);
            Assert.True(signed.Succeeded, $"{suite}: {signed.Detail}");
            var report = await verifier.VerifyAsync(signed.Credential);
            Assert.True(report.Succeeded, $"{suite}: {report}");
        }

        foreach (var suite in new[] { IssuerSigningSuite.VcJose, IssuerSigningSuite.OpenBadgesJwt })
        {
            var signed = await signer.SignAsync(orgId, TestCredentials.Unsigned(TestCredentials.DidOf(orgId)), suite, CancellationToken.None);
            Assert.True(signed.Succeeded, $"{suite}: {signed.Detail}");
            Assert.Equal(3, Encoding.ASCII.GetString(signed.Credential).Split('.').Length);
        }

        var keys = await app.Service<IssuerKeys>().ListAsync(orgId, CancellationToken.None);
        Assert.Equal(["Ed25519", "P-256", "RSA"], keys.Select(k => k.KeyType).ToArray());
    }

    [ProviderTheory]
    public async Task Simultaneous_first_signatures_create_one_key_and_all_use_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestCredentials.Settings);
        var (orgId, _) = await app.CreateOrganizationAsync();
        var signer = app.Service<IssuerSigner>();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            signer.SignAsync(orgId, TestCredentials.Unsigned(TestCredentials.DidOf(orgId)), IssuerSigningSuite.EddsaRdfc2022, CancellationToken.None))));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Detail));
        Assert.Single(results.Select(r => r.VerificationMethod).Distinct());
        Assert.Single(await app.Service<IssuerKeys>().ListAsync(orgId, CancellationToken.None));
    }

    [ProviderTheory]
    public async Task Signing_a_batch_at_once_gives_each_credential_its_own_verifying_proof_in_order_and_refuses_only_the_foreign_one(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestCredentials.Settings);
        var (orgId, _) = await app.CreateOrganizationAsync();
        var (otherId, _) = await app.CreateOrganizationAsync("Other College");
        var signer = app.Service<IssuerSigner>();
        var batch = Enumerable.Range(0, 24)
            .Select(i => (ReadOnlyMemory<byte>)(i == 7
                ? TestCredentials.Unsigned(TestCredentials.DidOf(otherId))
                : TestCredentials.Unsigned(TestCredentials.DidOf(orgId), name: $"Data Literacy {i}")))
            .ToList();

        var results = await signer.SignManyAsync(orgId, batch, IssuerSigningSuite.EddsaRdfc2022, CancellationToken.None);

        Assert.Equal(24, results.Count);
        Assert.Equal(IssuerSigningProblem.IssuerMismatch, results[7].Problem);
        var verifier = new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver(new DidWebResolver(new TestServerDidFetcher(app.Client)))));
        for (var i = 0; i < results.Count; i++)
        {
            if (i == 7)
            {
                continue;
            }

            Assert.True(results[i].Succeeded, results[i].Detail);
            Assert.Contains($"Data Literacy {i}\"", Encoding.UTF8.GetString(results[i].Credential!), StringComparison.Ordinal);
            var report = await verifier.VerifyAsync(results[i].Credential!);
            Assert.True(report.Succeeded, report.ToString());
        }

        Assert.Single(await app.Service<IssuerKeys>().ListAsync(orgId, CancellationToken.None));
    }

    [ProviderTheory]
    public async Task The_signer_refuses_a_credential_naming_another_issuer_and_one_that_is_not_JSON(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestCredentials.Settings);
        var (orgId, _) = await app.CreateOrganizationAsync();
        var (otherId, _) = await app.CreateOrganizationAsync("Other College");
        var signer = app.Service<IssuerSigner>();

        var foreign = await signer.SignAsync(orgId, TestCredentials.Unsigned(TestCredentials.DidOf(otherId)), IssuerSigningSuite.EddsaRdfc2022, CancellationToken.None);
        Assert.Equal(IssuerSigningProblem.IssuerMismatch, foreign.Problem);
        var broken = await signer.SignAsync(orgId, "{\"issuer\":"u8.ToArray(), IssuerSigningSuite.EddsaRdfc2022, CancellationToken.None);
        Assert.Equal(IssuerSigningProblem.CredentialMalformed, broken.Problem);
        Assert.Empty(await app.Service<IssuerKeys>().ListAsync(orgId, CancellationToken.None));
    }

    [ProviderTheory]
    public async Task Private_keys_never_appear_in_API_responses_or_logs_and_are_stored_only_encrypted(DatabaseProvider provider)
    {
        var settings = TestCredentials.Settings;
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        await using var app = await TestApp.StartAsync(provider, settings);
        var logs = new CapturedLogs();
        app.Service<ILoggerFactory>().AddProvider(logs);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var signer = app.Service<IssuerSigner>();
        Assert.True((await signer.SignAsync(orgId, TestCredentials.Unsigned(TestCredentials.DidOf(orgId)), IssuerSigningSuite.EddsaRdfc2022, CancellationToken.None)).Succeeded);
        Assert.True((await signer.SignAsync(orgId, TestCredentials.Unsigned(TestCredentials.DidOf(orgId)), IssuerSigningSuite.EcdsaRdfc2019, CancellationToken.None)).Succeeded);

        var bodies = new StringBuilder();
        foreach (var response in new[]
        {
            await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/keys/rotate", new { keyType = "P-384" }),
            await owner.GetAsync($"/api/v1/orgs/{orgId}/keys"),
            await owner.GetAsync($"/api/v1/orgs/{orgId}/issuer"),
            await app.Client.GetAsync($"/issuers/{orgId}/did.json"),
            await app.Client.GetAsync($"/issuers/{orgId}"),
            await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/issuers/{orgId}") { Headers = { { "Accept", "text/html" } } }),
        })
        {
            await Expect.StatusAsync(HttpStatusCode.OK, response);
            bodies.Append(await response.Content.ReadAsStringAsync()).Append('\n');
        }

        var stored = await app.Service<IssuerKeyStore>().ListAsync(orgId, CancellationToken.None);
        Assert.Equal(3, stored.Count);
        var keys = app.Service<IssuerKeys>();
        foreach (var key in stored)
        {
            using var opened = keys.Open(key);
            var secret = opened.ExportPrivateJwk().D!;
            Assert.DoesNotContain(secret, bodies.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, logs.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, key.ProtectedPrivateKey, StringComparison.Ordinal);
            Assert.DoesNotContain(key.ProtectedPrivateKey, bodies.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(key.ProtectedPrivateKey, logs.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"d\"", key.PublicJwk, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"d\"", bodies.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logs.Text);
    }

    [ProviderTheory]
    public async Task Only_owners_and_admins_rotate_keys_and_outsiders_get_404(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var admin = await app.MemberAsync(orgId, owner, "admin");
        var issuer = await app.MemberAsync(orgId, owner, "issuer");
        var viewer = await app.MemberAsync(orgId, owner, "viewer");
        var token = app.TokenClient(await app.CreateTokenAsync(orgId, owner, "read", "awards:write", "achievements:write"));
        var (_, outsider) = await app.SignedInAsync();
        var path = $"/api/v1/orgs/{orgId}/keys/rotate";

        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync(path, new { }));
        await Expect.StatusAsync(HttpStatusCode.OK, await admin.PostAsJsonAsync(path, new { }));
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden", await issuer.PostAsJsonAsync(path, new { }));
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden", await viewer.PostAsJsonAsync(path, new { }));
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden", await token.PostAsJsonAsync(path, new { }));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await outsider.PostAsJsonAsync(path, new { }));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, "https://credstack.dev/problems/unauthorized", await app.Client.PostAsJsonAsync(path, new { }));
        await Expect.StatusAsync(HttpStatusCode.OK, await viewer.GetAsync($"/api/v1/orgs/{orgId}/keys"));
        await Expect.StatusAsync(HttpStatusCode.OK, await token.GetAsync($"/api/v1/orgs/{orgId}/keys"));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await outsider.GetAsync($"/api/v1/orgs/{orgId}/keys"));

        var keys = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/keys"));
        Assert.Equal(2, keys.GetArrayLength());
    }

    [ProviderTheory]
    public async Task Rotation_explains_a_bad_key_type_and_rejects_malformed_JSON(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var path = $"/api/v1/orgs/{orgId}/keys/rotate";
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await owner.PostAsJsonAsync(path, new { keyType = "DSA" }));
        Assert.True(problem.GetProperty("errors").TryGetProperty("keyType", out _));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request",
            await owner.PostAsync(path, new StringContent("{\"keyType\": ", Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request",
            await owner.PostAsync(path, new StringContent("{\"keyType\": 7}", Encoding.UTF8, "application/json")));
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsync(path, null));
    }
}
