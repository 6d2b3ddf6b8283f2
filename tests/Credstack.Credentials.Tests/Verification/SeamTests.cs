using System.Text;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Verification;
using static Credstack.Credentials.Tests.Verification.VerificationFixtures;

namespace Credstack.Credentials.Tests.Verification;

/// <summary>Everything outside the credential comes through the caller's seams; without one, the check skips and nothing is fetched.</summary>
public sealed class SeamTests
{
    private const string WebDid = "did:web:example.edu";
    private const string WebDidDocumentUrl = "https://example.edu/.well-known/did.json";
    private const string HttpsIssuer = "https://example.edu/issuers/1";

    [Fact]
    public async Task A_did_web_issuer_is_resolved_through_the_document_map()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var credential = Sign(Unsigned(WebDid), key, DataIntegrityCryptosuite.EddsaRdfc2022, WebDid + "#key-1");
        var verifier = new CredentialVerifier(new CredentialVerifierOptions { Documents = Map((WebDidDocumentUrl, DidDocument(WebDid, key, "assertionMethod"))) });

        var report = await verifier.VerifyAsync(credential, At());

        Assert.True(report.Verified, Codes(report));
    }

    [Fact]
    public async Task A_did_web_key_listed_only_for_authentication_fails_the_controller_check()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var credential = Sign(Unsigned(WebDid), key, DataIntegrityCryptosuite.EddsaRdfc2022, WebDid + "#key-1");
        var verifier = new CredentialVerifier(new CredentialVerifierOptions { Documents = Map((WebDidDocumentUrl, DidDocument(WebDid, key, "authentication"))) });

        var report = await verifier.VerifyAsync(credential, At());

        Assert.True(report.HasFailed(VerificationCode.ProofController), Codes(report));
    }

    [Fact]
    public async Task A_did_web_issuer_without_a_fetcher_is_not_verified_and_says_so()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var credential = Sign(Unsigned(WebDid), key, DataIntegrityCryptosuite.EddsaRdfc2022, WebDid + "#key-1");

        var report = await new CredentialVerifier().VerifyAsync(credential, At());

        Assert.False(report.Verified);
        var check = Assert.Single(report.Errors);
        Assert.Equal(VerificationCode.ProofVerificationMethod, check.Code);
        Assert.Contains(DidProblem.UnsupportedDidMethod, check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_https_verification_method_is_read_from_the_issuer_profile()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var credential = Sign(Unsigned(HttpsIssuer), key, DataIntegrityCryptosuite.EddsaRdfc2022, HttpsIssuer + "#key-1");
        var verifier = new CredentialVerifier(new CredentialVerifierOptions { Documents = Map((HttpsIssuer, Profile(key, HttpsIssuer + "#key-1"))) });

        var report = await verifier.VerifyAsync(credential, At());

        Assert.True(report.Verified, Codes(report));
    }

    [Fact]
    public async Task An_https_verification_method_the_profile_does_not_list_is_unresolved()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var credential = Sign(Unsigned(HttpsIssuer), key, DataIntegrityCryptosuite.EddsaRdfc2022, HttpsIssuer + "#key-2");
        var verifier = new CredentialVerifier(new CredentialVerifierOptions { Documents = Map((HttpsIssuer, Profile(key, HttpsIssuer + "#key-1"))) });

        var report = await verifier.VerifyAsync(credential, At());

        Assert.True(report.HasFailed(VerificationCode.ProofVerificationMethod), Codes(report));
    }

    [Fact]
    public async Task An_https_jwt_kid_is_read_from_the_issuer_profile_and_bound_to_the_issuer()
    {
        using var key = SigningKey.Generate(KeyType.P256);
        var token = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(Unsigned(HttpsIssuer).ToJsonString()), key, HttpsIssuer + "#key-1");
        var verifier = new CredentialVerifier(new CredentialVerifierOptions { Documents = Map((HttpsIssuer, Profile(key, HttpsIssuer + "#key-1"))) });

        var report = await verifier.VerifyAsync(token.Token!, At());

        Assert.True(report.Verified, Codes(report));
        Assert.True(report.Has(VerificationCode.ProofController, CheckStatus.Passed), Codes(report));
    }

    [Fact]
    public async Task A_status_entry_without_a_status_fetcher_is_skipped_and_the_credential_still_verifies()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var status = new JsonObject { ["id"] = "https://example.edu/status/1#3", ["type"] = "BitstringStatusListEntry", ["statusPurpose"] = "revocation", ["statusListIndex"] = "3", ["statusListCredential"] = "https://example.edu/status/1" };

        var report = await new CredentialVerifier().VerifyAsync(Issue(key, DataIntegrityCryptosuite.EddsaRdfc2022, status: status), At());

        Assert.True(report.Verified, Codes(report));
        Assert.True(report.Has(VerificationCode.StatusUnknown, CheckStatus.Skipped));
        Assert.Equal("unknown", report.Credential!.Status);
    }

    [Theory]
    [InlineData(false, CheckStatus.Warning)]
    [InlineData(true, CheckStatus.Failed)]
    public async Task A_status_list_that_cannot_be_fetched_makes_the_status_unknown(bool unknownIsFailure, CheckStatus expected)
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var status = new JsonObject { ["id"] = "https://example.edu/status/1#3", ["type"] = "BitstringStatusListEntry", ["statusPurpose"] = "revocation", ["statusListIndex"] = "3", ["statusListCredential"] = "https://example.edu/status/1" };
        var verifier = new CredentialVerifier(new CredentialVerifierOptions { Documents = Map() });

        var report = await verifier.VerifyAsync(Issue(key, DataIntegrityCryptosuite.EddsaRdfc2022, status: status), At() with { StatusUnknownIsFailure = unknownIsFailure });

        Assert.Equal(!unknownIsFailure, report.Verified);
        var check = Assert.Single(report.ChecksFor(VerificationCode.StatusUnknown));
        Assert.Equal(expected, check.Status);
        Assert.Equal("fetch-failed", check.Problem);
    }

    [Fact]
    public async Task A_document_map_file_serves_did_web_documents_and_extra_contexts()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var folder = Directory.CreateTempSubdirectory("credstack-map-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "did.json"), DidDocument(WebDid, key, "assertionMethod"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "extra.jsonld"), """{"@context":{"favouriteColour":"https://example.org/vocab#favouriteColour"}}""");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "map.json"), $$"""{"{{WebDidDocumentUrl}}":"did.json","https://example.org/extra-context":"extra.jsonld"}""");
            Assert.True(DocumentMap.TryLoad(Path.Combine(folder.FullName, "map.json"), out var map, out var error), error);
            var unsigned = Unsigned(WebDid);
            unsigned["@context"]!.AsArray().Add("https://example.org/extra-context");
            unsigned["favouriteColour"] = "blue";
            var verifier = new CredentialVerifier(new CredentialVerifierOptions { Documents = map, JsonLd = map.JsonLdOptions });

            var report = await verifier.VerifyAsync(SignWith(unsigned, key, map), At(TimeProvider.System.GetUtcNow().AddDays(1)));

            Assert.True(report.Verified, Codes(report));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_document_map_that_names_a_missing_file_is_an_error_value()
    {
        var folder = Directory.CreateTempSubdirectory("credstack-map-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "map.json"), """{"https://example.org/a":"missing.json"}""");

            Assert.False(DocumentMap.TryLoad(Path.Combine(folder.FullName, "map.json"), out _, out var error));
            Assert.Contains("missing.json", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static byte[] SignWith(JsonObject unsigned, SigningKey key, DocumentMap map)
    {
        var signed = new DataIntegritySigner(TimeProvider.System, map.JsonLdOptions).Sign(
            Encoding.UTF8.GetBytes(unsigned.ToJsonString()), key, new DataIntegrityProofOptions { VerificationMethod = WebDid + "#key-1" });
        Assert.True(signed.Succeeded, signed.ToString());
        return signed.SignedDocument!;
    }

    private static DocumentMap Map(params (string Url, byte[] Content)[] documents) =>
        new(documents.ToDictionary(d => d.Url, d => (ReadOnlyMemory<byte>)d.Content, StringComparer.Ordinal));

    private static byte[] DidDocument(string did, SigningKey key, string relationship) => Encoding.UTF8.GetBytes($$"""
        {"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/multikey/v1"],"id":"{{did}}",
         "verificationMethod":[{"id":"{{did}}#key-1","type":"Multikey","controller":"{{did}}","publicKeyMultibase":"{{key.PublicKey.ExportPublicKeyMultibase()}}"}],
         "{{relationship}}":["{{did}}#key-1"]}
        """);

    private static byte[] Profile(SigningKey key, string methodId) => Encoding.UTF8.GetBytes($$"""
        {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id":"{{HttpsIssuer}}","type":["Profile"],"name":"Example University",
         "verificationMethod":[{"id":"{{methodId}}","type":"Multikey","controller":"{{HttpsIssuer}}","publicKeyMultibase":"{{key.PublicKey.ExportPublicKeyMultibase()}}"}]}
        """);
}
