using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Credstack.JsonLd;
using Credstack.JsonLd.Rdf;

namespace Credstack.Benchmarks.JsonLd;

/// <summary>
/// JSON-LD expansion and toRdf of Open Badges 3.0 credentials with the VC 2.0 / OB 3.0 contexts served
/// from the pinned store and already processed once (the warm cache every long-running issuer or verifier has).
/// </summary>
[MemoryDiagnoser]
public class ExpansionBenchmarks
{
    private JsonDocument _document = null!;
    private byte[] _utf8 = [];
    private JsonLdOptions _options = null!;
    private JsonLdOptions _safeOptions = null!;

    /// <summary>basicOpenBadgeCredential-1.json is ~1 KB; skillAssertionCase-1.json ~3 KB (the "typical" credential); fullOpenBadge-1.json ~24 KB.</summary>
    [Params("basicOpenBadgeCredential-1.json", "skillAssertionCase-1.json", "fullOpenBadge-1.json")]
    public string Credential { get; set; } = "skillAssertionCase-1.json";

    [GlobalSetup]
    public void Setup()
    {
        var root = Canonicalization.CanonicalizationInputs.ConformanceRoot();
        _utf8 = File.ReadAllBytes(Path.Combine(root, "openbadges", "spec-examples", Credential));
        _document = JsonDocument.Parse(_utf8);
        _options = JsonLdOptions.Default;
        _safeOptions = _options with { SafeMode = true };

        // Warm the processed-context cache, as any process that has handled one credential has.
        _ = JsonLdProcessor.ToRdf(_document.RootElement, _options);
    }

    [GlobalCleanup]
    public void Cleanup() => _document.Dispose();

    [Benchmark]
    public int Expand() => JsonLdProcessor.Expand(_document.RootElement, _options).Count;

    [Benchmark(Baseline = true)]
    public IReadOnlyList<Quad> ToRdf() => JsonLdProcessor.ToRdf(_document.RootElement, _options);

    [Benchmark]
    public IReadOnlyList<Quad> ToRdfSafeMode() => JsonLdProcessor.ToRdf(_document.RootElement, _safeOptions);

    [Benchmark]
    public IReadOnlyList<Quad> ParseAndToRdf() => JsonLdProcessor.ToRdf(_utf8.AsMemory(), _options);
}
