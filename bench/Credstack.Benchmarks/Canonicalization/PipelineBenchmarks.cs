using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Credstack.JsonLd.Canonicalization;
using Credstack.JsonLd.Jcs;

namespace Credstack.Benchmarks.Canonicalization;

/// <summary>
/// The whole canonicalization a Data Integrity proof signs over, for the typical Open Badges 3.0
/// credential in Data/ (3.3 KB: issuer profile, achievement with criteria and an alignment):
/// parse → expand → toRdf → RDFC-1.0 → SHA-256 for the *-rdfc-* suites, and JCS → SHA-256 for the
/// *-jcs-* suites, side by side, with contexts from the pinned store on a warm cache.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private byte[] _credential = [];
    private byte[][] _batch = [];

    [GlobalSetup]
    public void Setup()
    {
        _credential = CanonicalizationInputs.Ob3CredentialJson();
        _batch = CanonicalizationInputs.Ob3CredentialBatch();

        // A long-running issuer or verifier has processed the VC and OB contexts once already.
        _ = JsonLdCanonicalizer.Canonicalize(_credential);
    }

    [Benchmark(Baseline = true)]
    public byte[] RdfcSha256() => JsonLdCanonicalizer.Canonicalize(_credential).ComputeHash();

    [Benchmark]
    public byte[] JcsSha256() => SHA256.HashData(JsonCanonicalizer.Canonicalize(_credential));

    [Benchmark(OperationsPerInvoke = 100)]
    public int RdfcSha256Batch100()
    {
        var total = 0;
        foreach (var credential in _batch)
        {
            total += JsonLdCanonicalizer.Canonicalize(credential).ComputeHash()[0];
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = 100)]
    public int JcsSha256Batch100()
    {
        var total = 0;
        foreach (var credential in _batch)
        {
            total += SHA256.HashData(JsonCanonicalizer.Canonicalize(credential))[0];
        }

        return total;
    }
}
