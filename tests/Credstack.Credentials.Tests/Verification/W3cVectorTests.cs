// The W3C vc-di-eddsa and vc-di-ecdsa signed test vectors through the one verifier. They are signed for the issuer
// https://vc.example/issuers/5678 with did:key keys that issuer cannot control, so they verify only with
// RequireIssuerControl off, and fail proof.controller with it on.
using Credstack.Credentials.Verification;
using Credstack.JsonLd.Canonicalization;
using static Credstack.Credentials.Tests.Verification.VerificationFixtures;

namespace Credstack.Credentials.Tests.Verification;

public sealed class W3cVectorTests
{
    private static readonly VerificationRequest At = new() { Now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero) };

    private static readonly Lazy<CredentialVerifier> VectorVerifier = new(() => new CredentialVerifier(new CredentialVerifierOptions
    {
        JsonLd = JsonLdCanonicalizer.WithDocumentMap(Conformance.PathOf("contexts", "index.json")),
        RequireIssuerControl = false,
    }));

    public static TheoryData<string, string> Vectors() => new()
    {
        { "vc-di-eddsa", "eddsa-rdfc-2022/signedDataInt.json" },
        { "vc-di-eddsa", "eddsa-rdfc-2022/employ/signedDataInt.json" },
        { "vc-di-eddsa", "eddsa-jcs-2022/signedJCS.json" },
        { "vc-di-eddsa", "Ed25519Signature2020/signedEdSig.json" },
        { "vc-di-eddsa", "proof-set-chain/signedProofSet1.json" },
        { "vc-di-eddsa", "proof-set-chain/signedProofSet2.json" },
        { "vc-di-eddsa", "proof-set-chain/signedProofChain1.json" },
        { "vc-di-eddsa", "proof-set-chain/signedProofChain2.json" },
        { "vc-di-ecdsa", "ecdsa-rdfc-2019-p256/signedECDSAP256.json" },
        { "vc-di-ecdsa", "ecdsa-rdfc-2019-p256/employ/signedECDSAP256.json" },
        { "vc-di-ecdsa", "ecdsa-rdfc-2019-p384/signedECDSAP384.json" },
        { "vc-di-ecdsa", "ecdsa-rdfc-2019-p384/employ/signedECDSAP384.json" },
        { "vc-di-ecdsa", "ecdsa-jcs-2019-p256/signedJCSECDSAP256.json" },
        { "vc-di-ecdsa", "ecdsa-jcs-2019-p384/signedJCSECDSAP384.json" },
    };

    private static byte[] Vector(string suite, string file) => File.ReadAllBytes(Conformance.PathOf([suite, "TestVectors", .. file.Split('/')]));

    [ConformanceTheory("vc-di-eddsa")]
    [MemberData(nameof(Vectors))]
    public async Task A_signed_vector_verifies_when_issuer_control_is_not_required(string suite, string file)
    {
        var report = await VectorVerifier.Value.VerifyAsync(Vector(suite, file), At);

        Assert.True(report.Verified, Codes(report));
        Assert.All(report.ChecksFor(VerificationCode.ProofSignature), c => Assert.Equal(CheckStatus.Passed, c.Status));
    }

    [ConformanceTheory("vc-di-eddsa")]
    [MemberData(nameof(Vectors))]
    public async Task A_signed_vector_fails_when_one_credential_subject_value_changes(string suite, string file)
    {
        var tampered = Edit(Vector(suite, file), root => root["credentialSubject"]!["id"] = "did:example:someone-else");

        var report = await VectorVerifier.Value.VerifyAsync(tampered, At);

        Assert.False(report.Verified);
        Assert.True(report.HasFailed(VerificationCode.ProofSignature), Codes(report));
    }

    [ConformanceFact("vc-di-eddsa")]
    public async Task A_signed_vector_fails_the_controller_check_by_default()
    {
        var verifier = new CredentialVerifier(new CredentialVerifierOptions { JsonLd = JsonLdCanonicalizer.WithDocumentMap(Conformance.PathOf("contexts", "index.json")) });

        var report = await verifier.VerifyAsync(Vector("vc-di-eddsa", "eddsa-rdfc-2022/signedDataInt.json"), At);

        Assert.False(report.Verified);
        Assert.True(report.HasFailed(VerificationCode.ProofController), Codes(report));
    }
}
