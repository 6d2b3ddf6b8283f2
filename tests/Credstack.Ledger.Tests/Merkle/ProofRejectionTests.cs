using Credstack.Ledger.Merkle;

namespace Credstack.Ledger.Tests.Merkle;

public sealed class ProofRejectionTests
{
    private const int Limit = 70;

    [Fact]
    public void An_inclusion_proof_fails_for_any_other_index_size_leaf_root_or_tree()
    {
        var entries = TestLogs.Entries(Limit + 1);
        using var store = TestLogs.Memory(entries);
        var roots = Enumerable.Range(0, Limit + 2).Select(n => n <= Limit + 1 && n <= store.Size ? ProofBuilder.RootHash(store, n) : null).ToArray();

        // A different tree of every size: the same entries except the last one.
        var otherRoots = Enumerable.Range(0, Limit + 1).Select(n =>
        {
            var changed = entries.Take(n).ToList();
            if (n > 0)
            {
                changed[^1] = [.. changed[^1], (byte)'!'];
            }

            using var other = TestLogs.Memory(changed);
            return ProofBuilder.RootHash(other, n);
        }).ToArray();
        for (var n = 1; n <= Limit; n++)
        {
            for (var m = 0; m < n; m++)
            {
                var proof = ProofBuilder.Inclusion(store, m, n);
                var leaf = MerkleHash.Leaf(entries[m]);
                for (var otherIndex = 0; otherIndex < n + 2; otherIndex++)
                {
                    if (otherIndex != m)
                    {
                        Assert.False(ProofVerifier.VerifyInclusion(proof with { LeafIndex = otherIndex }, leaf, roots[n]!).Verifies);
                    }
                }

                for (var otherSize = 1; otherSize <= Limit + 1; otherSize++)
                {
                    if (otherSize != n)
                    {
                        Assert.False(ProofVerifier.VerifyInclusion(proof with { TreeSize = otherSize }, leaf, roots[otherSize]!).Verifies);
                        Assert.False(ProofVerifier.VerifyInclusion(proof, leaf, roots[otherSize]!).Verifies);
                    }
                }

                Assert.False(ProofVerifier.VerifyInclusion(proof, MerkleHash.Leaf(entries[(m + 1) % entries.Count]), roots[n]!).Verifies);
                if (proof.Path.Count > 0)
                {
                    Assert.False(ProofVerifier.VerifyInclusion(proof with { Path = proof.Path.Take(proof.Path.Count - 1).ToList() }, leaf, roots[n]!).Verifies);
                    var flipped = proof.Path.Select(h => (byte[])h.Clone()).ToList();
                    flipped[m % flipped.Count][7] ^= 0x40;
                    Assert.False(ProofVerifier.VerifyInclusion(proof with { Path = flipped }, leaf, roots[n]!).Verifies);
                }

                Assert.False(ProofVerifier.VerifyInclusion(proof with { Path = [.. proof.Path, leaf] }, leaf, roots[n]!).Verifies);
                Assert.False(ProofVerifier.VerifyInclusion(proof, leaf, otherRoots[n]).Verifies);
            }
        }
    }

    [Fact]
    public void A_consistency_proof_fails_for_any_other_sizes_roots_or_tree()
    {
        var entries = TestLogs.Entries(Limit + 1);
        using var store = TestLogs.Memory(entries);
        var otherRoots = Enumerable.Range(0, Limit + 1).Select(n =>
        {
            var changed = entries.Take(n).ToList();
            if (n > 0)
            {
                changed[0] = [.. changed[0], (byte)'!'];
            }

            using var other = TestLogs.Memory(changed);
            return ProofBuilder.RootHash(other, n);
        }).ToArray();
        var roots = Enumerable.Range(0, Limit + 2).Select(n => ProofBuilder.RootHash(store, n)).ToArray();
        for (var n = 2; n <= Limit; n++)
        {
            for (var m = 1; m < n; m++)
            {
                var proof = ProofBuilder.Consistency(store, m, n);
                for (var other = 1; other <= Limit + 1; other++)
                {
                    if (other != m)
                    {
                        Assert.False(ProofVerifier.VerifyConsistency(proof with { FirstSize = other }, roots[other], roots[n]).Verifies, $"{m}->{n} as {other}->{n}");
                        Assert.False(ProofVerifier.VerifyConsistency(proof, roots[other], roots[n]).Verifies);
                    }

                    if (other != n)
                    {
                        Assert.False(ProofVerifier.VerifyConsistency(proof with { SecondSize = other }, roots[m], roots[other]).Verifies, $"{m}->{n} as {m}->{other}");
                        Assert.False(ProofVerifier.VerifyConsistency(proof, roots[m], roots[other]).Verifies);
                    }
                }

                Assert.False(ProofVerifier.VerifyConsistency(proof with { Path = proof.Path.Skip(1).ToList() }, roots[m], roots[n]).Verifies);
                Assert.False(ProofVerifier.VerifyConsistency(proof with { Path = [.. proof.Path, roots[m]] }, roots[m], roots[n]).Verifies);
                Assert.False(ProofVerifier.VerifyConsistency(proof, roots[m], otherRoots[n]).Verifies, $"{m}->{n} against another tree");
            }
        }
    }

    [Fact]
    public void Malformed_proofs_get_a_reason_instead_of_an_exception()
    {
        var root = MerkleHash.EmptyTree();
        var cases = new (Verdict Verdict, string Expected)[]
        {
            (ProofVerifier.VerifyInclusion(new InclusionProof(5, 3, []), root, root), "not inside a tree of size 3"),
            (ProofVerifier.VerifyInclusion(new InclusionProof(-1, 3, []), root, root), "negative"),
            (ProofVerifier.VerifyInclusion(new InclusionProof(0, 4, [new byte[31]]), root, root), "not 32 bytes"),
            (ProofVerifier.VerifyInclusion(new InclusionProof(0, 4, [.. Enumerable.Repeat(root, 65)]), root, root), "more than any tree needs"),
            (ProofVerifier.VerifyInclusion(new InclusionProof(0, 4, [root]), root, root), "fewer than"),
            (ProofVerifier.VerifyInclusion(new InclusionProof(0, 1, []), root, new byte[3]), "not 32 bytes"),
            (ProofVerifier.VerifyConsistency(new ConsistencyProof(3, 2, []), root, root), "larger than the second"),
            (ProofVerifier.VerifyConsistency(new ConsistencyProof(3, 7, []), root, root), "it is empty"),
            (ProofVerifier.VerifyConsistency(new ConsistencyProof(4, 4, [root]), root, root), "must be empty"),
            (ProofVerifier.VerifyConsistency(new ConsistencyProof(4, 4, []), root, MerkleHash.Leaf([])), "different roots"),
        };
        foreach (var (verdict, expected) in cases)
        {
            Assert.False(verdict.Verifies);
            Assert.Contains("does not verify because", verdict.Reason, StringComparison.Ordinal);
            Assert.Contains(expected, verdict.Reason, StringComparison.Ordinal);
        }
    }
}
