using Credstack.Credentials.Tests.DataIntegrity;
using Credstack.Credentials.Verification;

namespace Credstack.Credentials.Tests.Suites;

/// <summary>
/// The W3C vc-di-ecdsa ecdsa-sd-2023 vectors (selective disclosure base proofs) through the one verifier. Credstack does
/// not implement ecdsa-sd-2023: its base proof is an HMAC-keyed, per-statement signature set that only a holder derives
/// from, and no Open Badges or CLR profile uses it. The verifier must say so (proof.suite failed), not report a bad
/// signature or an error; the other W3C signed vectors verify in Verification/W3cVectorTests.
/// </summary>
public sealed class EcdsaSdVectorTests
{
    [ConformanceTheory("vc-di-ecdsa", "TestVectors", "ecdsa-sd-2023")]
    [InlineData("employ")]
    [InlineData("prc")]
    public async Task An_ecdsa_sd_2023_base_proof_is_reported_as_an_unsupported_suite(string vector)
    {
        var bytes = File.ReadAllBytes(Conformance.PathOf("vc-di-ecdsa", "TestVectors", "ecdsa-sd-2023", vector, "addSignedSDBase.json"));
        var verifier = new CredentialVerifier(new CredentialVerifierOptions { JsonLd = DataIntegrityFixtures.TestJsonLd, RequireIssuerControl = false });

        var report = await verifier.VerifyAsync(bytes, new VerificationRequest { Now = DataIntegrityFixtures.Now });

        Assert.False(report.Verified);
        Assert.True(report.HasFailed(VerificationCode.ProofSuite), report.ToString());
        Assert.Contains(report.ChecksFor(VerificationCode.ProofSuite), c => c.Message.Contains("ecdsa-sd-2023", StringComparison.Ordinal));
        Assert.False(report.HasFailed(VerificationCode.VerifierInternalError));
    }
}
