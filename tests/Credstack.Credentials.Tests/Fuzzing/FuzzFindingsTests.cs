using System.Text;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Tests.DataIntegrity;
using Credstack.JsonLd.Canonicalization;

namespace Credstack.Credentials.Tests.Fuzzing;

/// <summary>Each bug the mutation fuzz test found, pinned by the smallest input that showed it.</summary>
public sealed class FuzzFindingsTests
{
    [ConformanceFact("vc-di-eddsa", "TestVectors", "keyPair.json")]
    public async Task Verify_reports_a_malformed_document_when_a_string_holds_bytes_that_are_not_UTF8()
    {
        var signed = Sign(DataIntegrityCryptosuite.EddsaRdfc2022);
        var at = Encoding.UTF8.GetString(signed).IndexOf("Alumni Credential", StringComparison.Ordinal);
        signed[at] = 0xFF;

        var report = await DataIntegrityFixtures.DidVerifier().VerifyAsync(signed);

        Assert.False(report.Succeeded);
        Assert.True(report.HasProblem(DataIntegrityProblem.DocumentMalformed), report.ToString());
    }

    [ConformanceFact("vc-di-eddsa", "TestVectors", "keyPair.json")]
    public async Task Verify_reports_a_malformed_document_when_a_string_escapes_a_lone_surrogate()
    {
        var text = Encoding.UTF8.GetString(Sign(DataIntegrityCryptosuite.EddsaRdfc2022)).Replace("Alumni Credential", "Alumni Credential\\ud800", StringComparison.Ordinal);

        var report = await DataIntegrityFixtures.DidVerifier().VerifyAsync(Encoding.UTF8.GetBytes(text));

        Assert.True(report.HasProblem(DataIntegrityProblem.DocumentMalformed), report.ToString());
    }

    [ConformanceFact("vc-di-eddsa", "TestVectors", "keyPair.json")]
    public async Task Verify_reports_a_malformed_proof_when_the_proof_value_has_characters_beyond_ASCII()
    {
        var signed = DataIntegrityFixtures.Edit(Sign(DataIntegrityCryptosuite.EddsaRdfc2022), root =>
            root["proof"]!["proofValue"] = root["proof"]!["proofValue"]!.GetValue<string>() + "\u200b\u0301");

        var report = await DataIntegrityFixtures.DidVerifier().VerifyAsync(signed);

        Assert.True(report.HasProblem(DataIntegrityProblem.ProofMalformed), report.ToString());
    }

    [ConformanceTheory("vc-di-eddsa", "TestVectors", "keyPair.json")]
    [InlineData(DataIntegrityCryptosuite.EddsaRdfc2022, "5")]
    [InlineData(DataIntegrityCryptosuite.EddsaRdfc2022, "\"https://example.org/other\"")]
    [InlineData(DataIntegrityCryptosuite.EddsaJcs2022, "\"https://example.org/other\"")]
    public async Task Verify_refuses_a_proof_whose_own_context_the_document_context_does_not_start_with(DataIntegrityCryptosuite suite, string context)
    {
        var signed = DataIntegrityFixtures.Edit(Sign(suite), root => root["proof"]!["@context"] = JsonNode.Parse(context));

        var report = await DataIntegrityFixtures.DidVerifier().VerifyAsync(signed);

        Assert.False(report.Succeeded);
        Assert.True(report.HasProblem(DataIntegrityProblem.SignatureInvalid), report.ToString());
    }

    [ConformanceFact("vc-di-eddsa", "TestVectors", "keyPair.json")]
    public async Task Verify_still_accepts_an_rdfc_proof_whose_own_context_is_a_prefix_of_the_document_context()
    {
        var signed = DataIntegrityFixtures.Edit(Sign(DataIntegrityCryptosuite.EddsaRdfc2022), root =>
            root["proof"]!["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"));

        var report = await DataIntegrityFixtures.DidVerifier().VerifyAsync(signed);

        Assert.True(report.Succeeded, report.ToString());
    }

    [Fact]
    public void Canonicalizing_a_graph_container_property_that_holds_a_number_drops_the_free_floating_value()
    {
        var document = Encoding.UTF8.GetBytes("""
            {"@context":["https://www.w3.org/ns/credentials/v2"],"type":"VerifiableCredential","proof":5}
            """);

        var canonical = JsonLdCanonicalizer.Canonicalize(document).CanonicalNQuads;

        Assert.Contains("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://www.w3.org/2018/credentials#VerifiableCredential> .\n", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("\"5\"", canonical, StringComparison.Ordinal);
    }

    private static byte[] Sign(DataIntegrityCryptosuite suite)
    {
        using var key = DataIntegrityFixtures.KeyPair("vc-di-eddsa", "TestVectors", "keyPair.json");
        var unsigned = Encoding.UTF8.GetBytes(FuzzSubject.UnsignedFor(DidKey.CreateDid(key.PublicKey)));
        var result = DataIntegrityFixtures.Signer().Sign(unsigned, key, new DataIntegrityProofOptions
        {
            VerificationMethod = DidKey.VerificationMethodId(key.PublicKey),
            Cryptosuite = suite,
        });
        return result.SignedDocument!;
    }
}
