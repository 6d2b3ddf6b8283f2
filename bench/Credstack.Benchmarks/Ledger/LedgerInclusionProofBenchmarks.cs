using BenchmarkDotNet.Attributes;
using Credstack.Ledger;
using Credstack.Ledger.Merkle;
using Credstack.Ledger.Storage;

namespace Credstack.Benchmarks.Ledger;

/// <summary>Produces and verifies inclusion proofs for random leaves of a 10,000,000-entry file log.</summary>
[MemoryDiagnoser]
public class LedgerInclusionProofBenchmarks
{
    private const int Samples = 1024;
    private FileLogStore _store = null!;
    private long[] _indexes = [];
    private InclusionProof[] _proofs = [];
    private byte[][] _leaves = [];
    private byte[] _root = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _store = LedgerLargeLog.Open();
        var random = new Random(42);
        _indexes = [.. Enumerable.Range(0, Samples).Select(_ => random.NextInt64(_store.Size))];
        _root = _store.RootHash();
        _proofs = [.. _indexes.Select(i => ProofBuilder.Inclusion(_store, i, _store.Size))];
        _leaves = [.. _indexes.Select(i => MerkleHash.Leaf(_store.ReadEntry(i)))];
    }

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();

    [Benchmark]
    public InclusionProof ProduceInclusionProof() => ProofBuilder.Inclusion(_store, _indexes[_next++ & (Samples - 1)], LedgerLargeLog.Size);

    [Benchmark]
    public Verdict VerifyInclusionProof()
    {
        var i = _next++ & (Samples - 1);
        return ProofVerifier.VerifyInclusion(_proofs[i], _leaves[i], _root);
    }
}
