using BenchmarkDotNet.Attributes;
using Credstack.Ledger.Entries;
using Credstack.Ledger.Storage;

namespace Credstack.Benchmarks.Ledger;

/// <summary>Appends to the file store in durable batches of 1,000 typed entries (one flush per file per batch); reported per entry.</summary>
[MemoryDiagnoser]
public class LedgerAppendBenchmarks
{
    private const int BatchSize = 1_000;
    private string _dir = "";
    private FileLogStore _store = null!;
    private ReadOnlyMemory<byte>[] _batch = [];

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "credstack-bench-append-" + Guid.NewGuid().ToString("N"));
        _store = FileLogStore.Open(_dir).Value!;
        var at = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        _batch = [.. Enumerable.Range(0, BatchSize).Select(i => (ReadOnlyMemory<byte>)CredentialIssued.ForCredential(
            $"urn:uuid:{Guid.NewGuid()}", "did:web:example.edu", BitConverter.GetBytes(i), "https://example.edu/status/1", i, at).ToCanonicalJson())];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public long AppendBatchOf1000() => _store.Append(_batch);
}
