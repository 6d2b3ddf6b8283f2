// RFC 9162 section 2.1.3.2 "Verifying an Inclusion Proof" and section 2.1.4.2 "Verifying
// Consistency between Two Tree Heads", written from the RFC's step lists. Both run in
// O(path length) hashes and never throw on bad input: every failure is a Verdict with a reason.
using System.Security.Cryptography;

namespace Credstack.Ledger.Merkle;

/// <summary>Checks RFC 9162 inclusion and consistency proofs.</summary>
public static class ProofVerifier
{
    // A tree of at most 2^63 leaves has paths of at most 63 hashes; anything longer is hostile input.
    private const int MaxPathLength = 64;

    /// <summary>Checks that <paramref name="leafHash"/> is at <see cref="InclusionProof.LeafIndex"/> in the tree whose root is <paramref name="rootHash"/>.</summary>
    public static Verdict VerifyInclusion(InclusionProof proof, ReadOnlySpan<byte> leafHash, ReadOnlySpan<byte> rootHash)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var shape = CheckShape(proof.Path, leafHash, rootHash);
        if (shape is not null)
        {
            return Verdict.Fail("the inclusion proof does not verify because " + shape);
        }

        if (proof.LeafIndex < 0 || proof.TreeSize < 0)
        {
            return Verdict.Fail("the inclusion proof does not verify because the leaf index or tree size is negative");
        }

        if (proof.LeafIndex >= proof.TreeSize)
        {
            return Verdict.Fail($"the inclusion proof does not verify because leaf index {proof.LeafIndex} is not inside a tree of size {proof.TreeSize}");
        }

        // Steps 2-4: walk up from the leaf, combining with each sibling on the side its index says.
        var fn = proof.LeafIndex;
        var sn = proof.TreeSize - 1;
        Span<byte> r = stackalloc byte[MerkleHash.Length];
        leafHash.CopyTo(r);
        foreach (var p in proof.Path)
        {
            if (sn == 0)
            {
                return Verdict.Fail($"the inclusion proof does not verify because its path has {proof.Path.Count} hashes, more than a leaf at index {proof.LeafIndex} in a tree of size {proof.TreeSize} needs");
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(p, r, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHash.Node(r, p, r);
            }

            fn >>= 1;
            sn >>= 1;
        }

        // Step 5: the path must have been exactly long enough and lead to the root.
        if (sn != 0)
        {
            return Verdict.Fail($"the inclusion proof does not verify because its path has {proof.Path.Count} hashes, fewer than a leaf at index {proof.LeafIndex} in a tree of size {proof.TreeSize} needs");
        }

        return CryptographicOperations.FixedTimeEquals(r, rootHash)
            ? Verdict.Pass
            : Verdict.Fail($"the inclusion proof does not verify because the root it computes differs from the tree head's root (wrong leaf, index, size or path)");
    }

    /// <summary>Checks that the tree with root <paramref name="firstRoot"/> is a prefix of the tree with root <paramref name="secondRoot"/>.</summary>
    public static Verdict VerifyConsistency(ConsistencyProof proof, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var shape = CheckShape(proof.Path, firstRoot, secondRoot);
        if (shape is not null)
        {
            return Verdict.Fail("the consistency proof does not verify because " + shape);
        }

        var first = proof.FirstSize;
        var second = proof.SecondSize;
        if (first < 0 || second < 0)
        {
            return Verdict.Fail("the consistency proof does not verify because a tree size is negative");
        }

        if (first > second)
        {
            return Verdict.Fail($"the consistency proof does not verify because the first tree ({first}) is larger than the second ({second})");
        }

        if (first == second)
        {
            if (proof.Path.Count != 0)
            {
                return Verdict.Fail("the consistency proof does not verify because a proof between equal sizes must be empty");
            }

            return CryptographicOperations.FixedTimeEquals(firstRoot, secondRoot)
                ? Verdict.Pass
                : Verdict.Fail($"the consistency proof does not verify because two trees of size {first} have different roots");
        }

        if (first == 0)
        {
            // The empty tree is a prefix of every tree; RFC 9162 defines no path for it.
            return proof.Path.Count == 0
                ? Verdict.Pass
                : Verdict.Fail("the consistency proof does not verify because a proof from the empty tree must be empty");
        }

        // Step 1: a proof between different non-empty sizes is never empty.
        if (proof.Path.Count == 0)
        {
            return Verdict.Fail($"the consistency proof does not verify because it is empty, and trees of size {first} and {second} need at least one hash");
        }

        // Step 2: when the first tree is a complete subtree its root is the proof's implicit first element.
        var path = proof.Path;
        var offset = 0;
        var firstIsPowerOfTwo = (first & (first - 1)) == 0;
        ReadOnlySpan<byte> seed = firstIsPowerOfTwo ? firstRoot : path[0];
        if (!firstIsPowerOfTwo)
        {
            offset = 1;
        }

        // Steps 3-4.
        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        // Step 5.
        Span<byte> fr = stackalloc byte[MerkleHash.Length];
        Span<byte> sr = stackalloc byte[MerkleHash.Length];
        seed.CopyTo(fr);
        seed.CopyTo(sr);

        // Step 6.
        for (var i = offset; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0)
            {
                return Verdict.Fail($"the consistency proof does not verify because its path has {path.Count} hashes, more than sizes {first} and {second} need");
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(c, fr, fr);
                MerkleHash.Node(c, sr, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHash.Node(sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        // Step 7.
        if (sn != 0)
        {
            return Verdict.Fail($"the consistency proof does not verify because its path has {path.Count} hashes, fewer than sizes {first} and {second} need");
        }

        if (!CryptographicOperations.FixedTimeEquals(fr, firstRoot))
        {
            return Verdict.Fail($"the consistency proof does not verify because it does not lead to the first tree's root (size {first})");
        }

        return CryptographicOperations.FixedTimeEquals(sr, secondRoot)
            ? Verdict.Pass
            : Verdict.Fail($"the consistency proof does not verify because it does not lead to the second tree's root (size {second})");
    }

    private static string? CheckShape(IReadOnlyList<byte[]> path, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (path is null)
        {
            return "it has no path";
        }

        if (path.Count > MaxPathLength)
        {
            return $"its path has {path.Count} hashes, more than any tree needs";
        }

        for (var i = 0; i < path.Count; i++)
        {
            if (path[i] is null || path[i].Length != MerkleHash.Length)
            {
                return $"path hash {i} is not 32 bytes";
            }
        }

        return a.Length != MerkleHash.Length || b.Length != MerkleHash.Length ? "a hash it is checked against is not 32 bytes" : null;
    }
}
