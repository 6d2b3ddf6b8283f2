using Credstack.Credentials.Tests.DataIntegrity;
using Credstack.Credentials.Verification;

namespace Credstack.Credentials.Tests.Fuzzing;

/// <summary>
/// The verification under test: the one <see cref="CredentialVerifier"/>, which detects the format (JSON-LD, JWT, baked
/// PNG) itself, offline, with the test contexts and a fixed clock.
/// </summary>
internal sealed class FuzzVerifier
{
    private readonly CredentialVerifier _verifier = new(new CredentialVerifierOptions
    {
        JsonLd = DataIntegrityFixtures.TestJsonLd,
        TimeProvider = DataIntegrityFixtures.Clock,
    });

    public async Task<FuzzVerdict> VerifyAsync(byte[] input)
    {
        var report = await _verifier.VerifyAsync(input);
        return new(report.Verified, report.ToString(), report.Checks.Count > 0 && !report.HasFailed(VerificationCode.VerifierInternalError));
    }
}
