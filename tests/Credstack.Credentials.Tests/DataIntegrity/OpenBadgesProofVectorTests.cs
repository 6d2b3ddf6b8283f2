using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Keys;
using static Credstack.Credentials.Tests.DataIntegrity.DataIntegrityFixtures;

namespace Credstack.Credentials.Tests.DataIntegrity;

/// <summary>
/// The 1EdTech eddsa-rdfc-2022 proof test vectors for Open Badges 3.0 and CLR 2.0: an HTTPS verification method whose
/// fragment is the Multikey, controlled by the issuer.
/// </summary>
public sealed class OpenBadgesProofVectorTests
{
    [ConformanceTheory("openbadges", "proof-test-vectors")]
    [InlineData("obv3p0")]
    [InlineData("clrv2p0")]
    public void Sign_reproduces_every_step_of_the_1EdTech_vector(string folder)
    {
        var dir = new[] { "openbadges", "proof-test-vectors", folder };
        var keyPair = JsonDocument.Parse(Read([.. dir, "keyPair.json"])).RootElement;
        var seed = Convert.FromHexString(keyPair.GetProperty("privateKeyHex_seedPlusPublic").GetString()!)[..32];
        using var key = Ed25519SigningKey.FromSeed(seed);
        var config = JsonDocument.Parse(Read([.. dir, "proofConfig.json"])).RootElement;

        // The CLR vector writes its one proof as an array, the OB vector as an object.
        var form = JsonNode.Parse(Read([.. dir, "signed.json"]))!["proof"] is JsonArray ? ProofForm.Array : ProofForm.SingleObject;

        var signed = Signer().Sign(ReadBytes([.. dir, "unsigned.json"]), key, OptionsFrom(config) with { ProofForm = form });

        Assert.True(signed.Succeeded, signed.ToString());
        Assert.Equal(Read([.. dir, "canonDoc.txt"]), Text(signed.Hashes.CanonicalDocument));
        Assert.Equal(Read([.. dir, "proofCanon.txt"]), Text(signed.Hashes.CanonicalProofConfiguration));
        var hashData = Hex(signed.Hashes.HashData.Span);
        Assert.Equal(Read([.. dir, "proofHash.txt"]).Trim(), hashData[..64]);
        Assert.Equal(Read([.. dir, "docHash.txt"]).Trim(), hashData[64..]);
        Assert.Equal(Read([.. dir, "combinedHash.txt"]).Trim(), hashData);
        Assert.Equal(Read([.. dir, "proofValue.txt"]).Trim(), signed.ProofValue);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Read([.. dir, "signed.json"])), JsonNode.Parse(signed.SignedDocument)));
    }

    [ConformanceTheory("openbadges", "proof-test-vectors")]
    [InlineData("obv3p0")]
    [InlineData("clrv2p0")]
    public async Task Verify_accepts_the_signed_vector_with_the_issuer_controlling_the_key(string folder)
    {
        var resolver = new StaticVerificationMethodResolver().AddMultibaseFragmentController("https://example.edu/issuers/565049");
        var verifier = new DataIntegrityVerifier(resolver, Clock, TestJsonLd);

        var report = await verifier.VerifyAsync(ReadBytes("openbadges", "proof-test-vectors", folder, "signed.json"));

        Assert.True(report.Succeeded, report.ToString());
        Assert.Equal("https://example.edu/issuers/565049", report.Proofs.Single().Controller);
        Assert.False(report.Proofs.Single().ControllerDocumentChecked);
    }

    [ConformanceFact("openbadges", "proof-test-vectors")]
    public async Task Verify_reports_an_unresolved_method_when_no_resolver_knows_the_https_verification_method()
    {
        var report = await DidVerifier().VerifyAsync(ReadBytes("openbadges", "proof-test-vectors", "obv3p0", "signed.json"));

        Assert.Equal([DataIntegrityProblem.VerificationMethodUnresolved], report.AllProblems.Select(p => p.Code));
    }
}
