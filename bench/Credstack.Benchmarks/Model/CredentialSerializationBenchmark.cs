using BenchmarkDotNet.Attributes;
using Credstack.Credentials.Model;

namespace Credstack.Benchmarks.Model;

/// <summary>Writing a typed AchievementCredential to the bytes that get signed, and reading it back (bulk issuance does both).</summary>
[MemoryDiagnoser]
public class CredentialSerializationBenchmark
{
    private AchievementCredential _credential = null!;
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        _credential = SampleCredential.Create();
        _json = _credential.ToUtf8Json();
    }

    [Benchmark]
    public byte[] Write() => _credential.ToUtf8Json();

    [Benchmark]
    public bool Read() => AchievementCredential.Parse(_json).Succeeded;
}
