using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Verification;
using static Credstack.Credentials.Tests.Verification.VerificationFixtures;

namespace Credstack.Credentials.Tests.Verification;

/// <summary>The verifier end to end on credentials issued in the test: every step appears, in order, with its outcome.</summary>
public sealed class CredentialVerifierTests
{
    [Fact]
    public async Task Verify_accepts_an_eddsa_rdfc_credential_issued_with_a_did_key_and_lists_every_step_in_order()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);

        var report = await new CredentialVerifier().VerifyAsync(Issue(key, DataIntegrityCryptosuite.EddsaRdfc2022), At());

        Assert.True(report.Verified, Codes(report));
        Assert.Empty(report.Errors);
        var steps = report.Checks.Select(c => c.Code.Split('.')[0]).Distinct().ToList();
        Assert.Equal(["input", "structure", "proof", "refresh", "status", "validity", "recipient"], steps);
        Assert.Equal(CredentialFormat.DataIntegrity, report.Credential!.Format);
        Assert.Equal("Example University", report.Credential.IssuerName);
        Assert.Equal("Data Analysis with Python", report.Credential.AchievementName);
        Assert.Equal("did:example:learner", report.Credential.SubjectId);
    }

    [Fact]
    public async Task Verify_reports_a_bad_proof_when_one_signed_value_changes()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var tampered = Edit(Issue(key, DataIntegrityCryptosuite.EddsaRdfc2022), root => root["name"] = "Data Analysis with Pythons");

        var report = await new CredentialVerifier().VerifyAsync(tampered, At());

        Assert.False(report.Verified);
        Assert.True(report.HasFailed(VerificationCode.ProofSignature), Codes(report));
        Assert.Equal(DataIntegrityProblem.SignatureInvalid, report.ChecksFor(VerificationCode.ProofSignature).Single().Problem);
    }

    [Theory]
    [InlineData(JwtProfile.OpenBadges)]
    [InlineData(JwtProfile.VcJoseCredential)]
    public async Task Verify_accepts_a_JWT_credential_signed_with_the_issuers_did_key(JwtProfile profile)
    {
        using var key = SigningKey.Generate(KeyType.P256);

        var report = await new CredentialVerifier().VerifyAsync(IssueJwt(key, profile), At());

        Assert.True(report.Verified, Codes(report));
        Assert.Equal(profile == JwtProfile.OpenBadges ? CredentialFormat.OpenBadgesJwt : CredentialFormat.VcJose, report.Credential!.Format);
    }
}
