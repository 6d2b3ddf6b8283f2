using BenchmarkDotNet.Attributes;
using Credstack.JsonLd.Contexts;

namespace Credstack.Benchmarks.Contexts;

/// <summary>
/// Resolving a pinned context through the default loader: JSON-LD expansion does this for every
/// @context entry of every credential it canonicalizes, so it must stay a dictionary lookup.
/// </summary>
[MemoryDiagnoser]
public class PinnedContextLoadBenchmark
{
    private Uri _url = null!;

    [Params(
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "http://w3id.org/security/v2")]
    public string Url { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _url = new Uri(Url);
        PinnedContextLoader.Default.Load(_url);
    }

    [Benchmark]
    public object Load() => PinnedContextLoader.Default.Load(_url);
}
