using BenchmarkDotNet.Attributes;
using Credstack.JsonLd.Rdf;

namespace Credstack.Benchmarks.Canonicalization;

/// <summary>N-Quads parsing of the canonical documents of the 1EdTech OB 3.0 and CLR 2.0 proof vectors.</summary>
[MemoryDiagnoser]
public class NQuadsParseBenchmarks
{
    private string _document = string.Empty;
    private byte[] _utf8 = [];

    [Params("obv3p0", "clrv2p0")]
    public string Vector { get; set; } = "obv3p0";

    [GlobalSetup]
    public void Setup()
    {
        _document = CanonicalizationInputs.ProofVectorNQuads(Vector);
        _utf8 = System.Text.Encoding.UTF8.GetBytes(_document);
    }

    [Benchmark(Baseline = true, Description = "parse string")]
    public int ParseString() => NQuadsParser.Parse(_document).Count;

    [Benchmark(Description = "parse UTF-8 bytes")]
    public int ParseUtf8() => NQuadsParser.Parse(_utf8).Count;
}
