using Credstack.Ledger.Merkle;

namespace Credstack.Ledger.Tests.Merkle;

public sealed class NaiveReferenceTests
{
    private const int ExhaustiveLimit = 300;

    [Fact]
    public void Root_hashes_match_the_naive_reference_for_every_size_up_to_300()
    {
        var entries = TestLogs.Entries(ExhaustiveLimit);
        var naive = new NaiveMerkle(entries);
        using var store = TestLogs.Memory(entries);
        for (var n = 0; n <= ExhaustiveLimit; n++)
        {
            Assert.Equal(naive.Mth(0, n), ProofBuilder.RootHash(store, n));
        }
    }

    [Fact]
    public void Inclusion_proofs_match_the_naive_reference_and_verify_for_every_index_and_size_up_to_300()
    {
        var entries = TestLogs.Entries(ExhaustiveLimit);
        var naive = new NaiveMerkle(entries);
        using var store = TestLogs.Memory(entries);
        for (var n = 1; n <= ExhaustiveLimit; n++)
        {
            var root = naive.Mth(0, n);
            for (var m = 0; m < n; m++)
            {
                var proof = ProofBuilder.Inclusion(store, m, n);
                Assert.Equal(naive.Path(m, 0, n), proof.Path);
                var verdict = ProofVerifier.VerifyInclusion(proof, naive.Mth(m, 1), root);
                Assert.True(verdict.Verifies, $"index {m} of {n}: {verdict.Reason}");
            }
        }
    }

    [Fact]
    public void Consistency_proofs_match_the_naive_reference_and_verify_for_every_pair_of_sizes_up_to_300()
    {
        var entries = TestLogs.Entries(ExhaustiveLimit);
        var naive = new NaiveMerkle(entries);
        using var store = TestLogs.Memory(entries);
        for (var n = 1; n <= ExhaustiveLimit; n++)
        {
            for (var m = 1; m <= n; m++)
            {
                var proof = ProofBuilder.Consistency(store, m, n);
                Assert.Equal(m == n ? [] : naive.Proof(m, n), proof.Path);
                var verdict = ProofVerifier.VerifyConsistency(proof, naive.Mth(0, m), naive.Mth(0, n));
                Assert.True(verdict.Verifies, $"{m} -> {n}: {verdict.Reason}");
            }
        }
    }

    [Fact]
    public void Proofs_at_the_current_size_of_a_growing_log_match_the_naive_reference()
    {
        // Proofs that end at the log's current size take the cached right edge of the tree.
        var entries = TestLogs.Entries(ExhaustiveLimit);
        var naive = new NaiveMerkle(entries);
        using var store = new Credstack.Ledger.Storage.MemoryLogStore();
        for (var n = 1; n <= ExhaustiveLimit; n++)
        {
            store.Append([entries[n - 1]]);
            Assert.Equal(naive.Mth(0, n), store.RootHash());
            Assert.Equal(naive.Mth(0, n), ProofBuilder.RootHash(store, n));
            for (var m = 0; m < n; m++)
            {
                Assert.Equal(naive.Path(m, 0, n), ProofBuilder.Inclusion(store, m, n).Path);
                Assert.Equal(naive.Proof(m + 1, n), m + 1 == n ? [] : ProofBuilder.Consistency(store, m + 1, n).Path);
            }
        }
    }

    [Fact]
    public void Proofs_match_the_naive_reference_on_random_larger_trees()
    {
        var random = new Random(9162);
        var entries = TestLogs.Entries(70_000);
        var naive = new NaiveMerkle(entries);
        using var store = TestLogs.Memory(entries);
        for (var trial = 0; trial < 40; trial++)
        {
            var n = random.Next(301, entries.Count + 1);
            var m = random.Next(0, n);
            var first = random.Next(1, n + 1);
            Assert.Equal(naive.Mth(0, n), ProofBuilder.RootHash(store, n));
            var inclusion = ProofBuilder.Inclusion(store, m, n);
            Assert.Equal(naive.Path(m, 0, n), inclusion.Path);
            Assert.True(ProofVerifier.VerifyInclusion(inclusion, naive.Mth(m, 1), naive.Mth(0, n)).Verifies);
            var consistency = ProofBuilder.Consistency(store, first, n);
            Assert.Equal(first == n ? [] : naive.Proof(first, n), consistency.Path);
            Assert.True(ProofVerifier.VerifyConsistency(consistency, naive.Mth(0, first), naive.Mth(0, n)).Verifies);
        }
    }
}
