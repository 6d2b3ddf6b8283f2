using BenchmarkDotNet.Attributes;
using Credstack.Ledger;
using Credstack.Ledger.Merkle;
using Credstack.Ledger.Storage;

namespace Credstack.Benchmarks.Ledger;

/// <summary>Produces and verifies consistency proofs from random earlier sizes to the full 10,000,000-entry file log.</summary>
[MemoryDiagnoser]
public class LedgerConsistencyProofBenchmarks
{
    private const int Samples = 1024;
    private FileLogStore _store = null!;
    private long[] _sizes = [];
    private ConsistencyProof[] _proofs = [];
    private byte[][] _oldRoots = [];
    private byte[] _root = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _store = LedgerLargeLog.Open();
        var random = new Random(43);
        _sizes = [.. Enumerable.Range(0, Samples).Select(_ => 1 + random.NextInt64(_store.Size - 1))];
        _root = _store.RootHash();
        _proofs = [.. _sizes.Select(m => ProofBuilder.Consistency(_store, m, _store.Size))];
        _oldRoots = [.. _sizes.Select(m => ProofBuilder.RootHash(_store, m))];
    }

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();

    [Benchmark]
    public ConsistencyProof ProduceConsistencyProof() => ProofBuilder.Consistency(_store, _sizes[_next++ & (Samples - 1)], LedgerLargeLog.Size);

    [Benchmark]
    public Verdict VerifyConsistencyProof()
    {
        var i = _next++ & (Samples - 1);
        return ProofVerifier.VerifyConsistency(_proofs[i], _oldRoots[i], _root);
    }
}
