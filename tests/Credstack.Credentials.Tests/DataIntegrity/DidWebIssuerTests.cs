using System.Text;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Tests.Dids;
using static Credstack.Credentials.Tests.DataIntegrity.DataIntegrityFixtures;

namespace Credstack.Credentials.Tests.DataIntegrity;

/// <summary>The default resolver with a did:web issuer: the DID document decides which keys may sign credentials.</summary>
public sealed class DidWebIssuerTests
{
    private const string Did = "did:web:example.edu";

    [Theory]
    [InlineData("assertionMethod", true)]
    [InlineData("authentication", false)]
    public async Task Verify_accepts_a_did_web_key_only_when_the_DID_document_lists_it_for_assertionMethod(string relationship, bool accepted)
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var verifier = Verifier(key, relationship);

        var report = await verifier.VerifyAsync(Issue(key));

        Assert.Equal(accepted, report.Succeeded);
        Assert.Equal(accepted ? [] : [DataIntegrityProblem.VerificationMethodNotAuthorized], report.AllProblems.Select(p => p.Code));
    }

    [Fact]
    public async Task Verify_reports_an_unresolved_method_when_the_DID_document_has_no_such_key()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var verifier = Verifier(key, "assertionMethod");
        var document = Edit(Issue(key), root => root["proof"]!["verificationMethod"] = Did + "#key-9");

        var report = await verifier.VerifyAsync(document);

        Assert.Equal([DataIntegrityProblem.VerificationMethodUnresolved], report.AllProblems.Select(p => p.Code));
        Assert.Contains(DidProblem.VerificationMethodNotFound, report.AllProblems.Single().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_refuses_a_credential_schema_type_that_no_context_defines()
    {
        // 1EdTech examples use this type, but neither the VC 2.0 nor the OB 3.0.3 context defines it: JSON-LD would drop
        // the statement silently, so safe-mode signing refuses (append the VC 2.0 undefined-terms context to sign it).
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var text = """
            {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"id":"did:web:example.edu","type":["Profile"]},
             "validFrom":"2024-01-01T00:00:00Z","credentialSubject":{"type":["AchievementSubject"]},
             "credentialSchema":[{"id":"https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json","type":"1EdTechJsonSchemaValidator2019"}]}
            """;
        var options = new DataIntegrityProofOptions { VerificationMethod = Did + "#key-1" };

        var refused = Signer().Sign(Encoding.UTF8.GetBytes(text), key, options);
        var signed = Signer().Sign(Encoding.UTF8.GetBytes(text.Replace("context-3.0.3.json\"", "context-3.0.3.json\",\"https://www.w3.org/ns/credentials/undefined-terms/v2\"", StringComparison.Ordinal)), key, options);

        Assert.Equal(DataIntegrityProblem.CanonicalizationFailed, refused.Problem);
        Assert.Contains("1EdTechJsonSchemaValidator2019", refused.Detail, StringComparison.Ordinal);
        Assert.True(signed.Succeeded, signed.ToString());
    }

    private static byte[] Issue(SigningKey key)
    {
        var document = Encoding.UTF8.GetBytes($$"""
            {"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],
             "type":["VerifiableCredential"],"issuer":{"id":"{{Did}}","name":"Example University"},
             "validFrom":"2024-01-01T00:00:00Z","credentialSubject":{"id":"did:example:learner","alumniOf":"Example University"} }
            """);
        var signed = Signer().Sign(document, key, new DataIntegrityProofOptions { VerificationMethod = Did + "#key-1" });
        Assert.True(signed.Succeeded, signed.ToString());
        return signed.SignedDocument;
    }

    private static DataIntegrityVerifier Verifier(SigningKey key, string relationship)
    {
        var didDocument = $$"""
            {"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/multikey/v1"],"id":"{{Did}}",
             "verificationMethod":[{"id":"{{Did}}#key-1","type":"Multikey","controller":"{{Did}}","publicKeyMultibase":"{{key.PublicKey.ExportPublicKeyMultibase()}}"}],
             "{{relationship}}":["{{Did}}#key-1"]}
            """;
        var fetcher = new FakeDidWebFetcher().Serve("https://example.edu/.well-known/did.json", didDocument);
        return new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver(new DidWebResolver(fetcher))), Clock, TestJsonLd);
    }
}
