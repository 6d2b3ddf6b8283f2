using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;

namespace Credstack.Server.Tests.Awards;

/// <summary>Verifies Data Integrity proofs the way an outside verifier does: the key comes from the did:key in the proof.</summary>
internal static class TestVerifier
{
    public static async Task<DataIntegrityVerificationReport> VerifyAsync(byte[] document, TimeProvider time) =>
        await new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver(null)), time).VerifyAsync(document);

    public static async Task AssertVerifiesAsync(byte[] document, TimeProvider time)
    {
        var report = await VerifyAsync(document, time);
        Assert.True(report.Succeeded, string.Join("; ", report.AllProblems.Select(p => p.Code + ": " + p.Detail)));
    }
}
