using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Credstack.Benchmarks.Canonicalization;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Verification;

namespace Credstack.Benchmarks.Verification;

/// <summary>
/// The whole verifier on the typical OB 3.0 credential (Data/ob3-credential.json) signed with eddsa-rdfc-2022 by a did:key
/// issuer, no status entry: format detection, JSON parse, structural validation, Data Integrity (safe-mode RDFC-1.0,
/// Ed25519), refresh, validity, recipient and endorsement steps, report. Compare with DataIntegrityBenchmarks.VerifyRdfc
/// for the verifier's own overhead.
/// </summary>
[MemoryDiagnoser]
public class VerifyBenchmarks
{
    private static readonly VerificationRequest At = new() { Now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero) };

    private byte[] _signed = null!;
    private CredentialVerifier _verifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var key = Ed25519SigningKey.FromSeed(new byte[32]);
        var multibase = key.PublicKey.ExportPublicKeyMultibase();
        var did = "did:key:" + multibase;
        var root = JsonNode.Parse(CanonicalizationInputs.Ob3CredentialJson())!.AsObject();
        root["issuer"]!["id"] = did;
        root["@context"]!.AsArray().Add("https://www.w3.org/ns/credentials/undefined-terms/v2");
        root.Remove("credentialStatus");
        var signed = new DataIntegritySigner(new FixedTime(At.Now!.Value.AddDays(-1)))
            .Sign(System.Text.Encoding.UTF8.GetBytes(root.ToJsonString()), key, new DataIntegrityProofOptions { VerificationMethod = did + "#" + multibase });
        _signed = signed.SignedDocument ?? throw new InvalidOperationException("The benchmark credential cannot be signed: " + signed);
        _verifier = new CredentialVerifier();
        var report = Verify().GetAwaiter().GetResult();
        if (!report.Verified)
        {
            throw new InvalidOperationException("The benchmark credential does not verify: " + report);
        }
    }

    [Benchmark]
    public Task<VerificationReport> Verify() => _verifier.VerifyAsync(_signed, At);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
