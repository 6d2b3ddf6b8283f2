using BenchmarkDotNet.Attributes;
using Credstack.JsonLd.Canonicalization;
using Credstack.JsonLd.Rdf;

namespace Credstack.Benchmarks.Canonicalization;

/// <summary>
/// RDFC-1.0 on the quads of the 1EdTech proof vectors (OB 3.0: 16 quads, 1 blank node;
/// CLR 2.0: 49 quads, 3 blank nodes), alone, with the SHA-256 of the output, and as a batch of 100.
/// </summary>
[MemoryDiagnoser]
public class RdfcBenchmarks
{
    private readonly RdfCanonicalizer _canonicalizer = new();
    private IReadOnlyList<Quad> _quads = [];
    private IReadOnlyList<Quad>[] _batch = [];

    [Params("obv3p0", "clrv2p0")]
    public string Vector { get; set; } = "obv3p0";

    [GlobalSetup]
    public void Setup()
    {
        _quads = NQuadsParser.Parse(CanonicalizationInputs.ProofVectorNQuads(Vector));
        _batch = [.. CanonicalizationInputs.ProofVectorBatch(Vector).Select(text => NQuadsParser.Parse(text))];
    }

    [Benchmark(Baseline = true, Description = "canonicalize quads")]
    public int Canonicalize() => _canonicalizer.Canonicalize(_quads).CanonicalNQuadsUtf8.Length;

    [Benchmark(Description = "canonicalize quads + SHA-256")]
    public int CanonicalizeAndHash() => _canonicalizer.Canonicalize(_quads).ComputeHash()[0];

    [Benchmark(Description = "batch of 100 datasets")]
    public int Batch100()
    {
        var total = 0;
        foreach (var quads in _batch)
        {
            total += _canonicalizer.Canonicalize(quads).CanonicalNQuadsUtf8.Length;
        }

        return total;
    }
}
