using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Credstack.Benchmarks.Canonicalization;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Benchmarks.DataIntegrity;

/// <summary>
/// Issuing the typical OB 3.0 credential (Data/ob3-credential.json, 3.3 KB) with a Data Integrity proof
/// (eddsa-rdfc-2022, eddsa-jcs-2022), and verifying the eddsa-rdfc-2022 one: did:key resolution, issuer and
/// assertionMethod checks, safe-mode RDFC-1.0 of document and proof configuration, Ed25519. No status check.
/// </summary>
[MemoryDiagnoser]
public class DataIntegrityBenchmarks
{
    private byte[] _credential = null!;
    private byte[] _signedRdfc = null!;
    private SigningKey _key = null!;
    private DataIntegritySigner _signer = null!;
    private DataIntegrityVerifier _verifier = null!;
    private DataIntegrityProofOptions _rdfc = null!;
    private DataIntegrityProofOptions _jcs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = Ed25519SigningKey.FromSeed(new byte[32]);
        var multibase = _key.PublicKey.ExportPublicKeyMultibase();
        var did = "did:key:" + multibase;

        // The issuer is the did:key, so verification passes the issuer-control check. The credential's schema type
        // 1EdTechJsonSchemaValidator2019 is defined by no context it names, so safe-mode RDFC refuses it; the VC 2.0
        // undefined-terms context maps it to an issuer-dependent IRI (see docs/performance.md).
        var root = JsonNode.Parse(CanonicalizationInputs.Ob3CredentialJson())!.AsObject();
        root["issuer"]!["id"] = did;
        root["@context"]!.AsArray().Add("https://www.w3.org/ns/credentials/undefined-terms/v2");
        _credential = System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());

        var clock = new FixedTime(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
        _signer = new DataIntegritySigner(clock);
        _verifier = new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver()), clock);
        _rdfc = new DataIntegrityProofOptions { VerificationMethod = did + "#" + multibase };
        _jcs = _rdfc with { Cryptosuite = DataIntegrityCryptosuite.EddsaJcs2022 };
        var signed = _signer.Sign(_credential, _key, _rdfc);
        _signedRdfc = signed.SignedDocument ?? throw new InvalidOperationException("The benchmark credential cannot be signed: " + signed);
        var report = VerifyRdfc().GetAwaiter().GetResult();
        if (!report.Succeeded || IssueJcs().Length == 0)
        {
            throw new InvalidOperationException("The benchmark credential does not verify: " + report);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public byte[] IssueRdfc() => _signer.Sign(_credential, _key, _rdfc).SignedDocument!;

    [Benchmark]
    public byte[] IssueJcs() => _signer.Sign(_credential, _key, _jcs).SignedDocument!;

    [Benchmark]
    public Task<DataIntegrityVerificationReport> VerifyRdfc() => _verifier.VerifyAsync(_signedRdfc);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
