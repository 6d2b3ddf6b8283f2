using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Credstack.JsonLd.Jcs;

namespace Credstack.Benchmarks.Canonicalization;

/// <summary>RFC 8785 canonicalization of a typical OB 3.0 credential (3.3 KB), alone and as a batch of 100.</summary>
[MemoryDiagnoser]
public class JcsBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(8192);
    private byte[] _credential = [];
    private byte[][] _batch = [];
    private JsonDocument? _document;

    [GlobalSetup]
    public void Setup()
    {
        _credential = CanonicalizationInputs.Ob3CredentialJson();
        _batch = CanonicalizationInputs.Ob3CredentialBatch();
        _document = JsonDocument.Parse(_credential);
    }

    [GlobalCleanup]
    public void Cleanup() => _document?.Dispose();

    [Benchmark(Baseline = true, Description = "credential bytes -> canonical bytes")]
    public int CanonicalizeUtf8()
    {
        _output.ResetWrittenCount();
        JsonCanonicalizer.Canonicalize(_credential, _output);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "parsed JsonElement -> canonical bytes")]
    public int CanonicalizeElement()
    {
        _output.ResetWrittenCount();
        JsonCanonicalizer.Canonicalize(_document!.RootElement, _output);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "credential bytes -> new byte[]")]
    public int CanonicalizeToArray() => JsonCanonicalizer.Canonicalize(_credential).Length;

    [Benchmark(Description = "batch of 100 credentials")]
    public int Batch100()
    {
        var total = 0;
        foreach (var credential in _batch)
        {
            _output.ResetWrittenCount();
            JsonCanonicalizer.Canonicalize(credential, _output);
            total += _output.WrittenCount;
        }

        return total;
    }
}
