// RFC 9162 section 2.1.1 (Merkle Tree Hash), 2.1.3.1 (generating an inclusion proof) and
// 2.1.4.1 (generating a consistency proof), computed from stored complete-subtree hashes so that
// every proof costs O(log n) reads instead of rehashing the leaves.
namespace Credstack.Ledger.Merkle;

/// <summary>Produces tree heads, inclusion proofs and consistency proofs from the complete-subtree hashes of an <see cref="INodeHashSource"/>.</summary>
public static class ProofBuilder
{
    /// <summary>The Merkle Tree Hash of the first <paramref name="size"/> leaves of <paramref name="source"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="size"/> is negative or beyond the source.</exception>
    public static byte[] RootHash(INodeHashSource source, long size)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, source.Size);
        if (size == 0)
        {
            return MerkleHash.EmptyTree();
        }

        var hash = new byte[MerkleHash.Length];
        RangeHash(source, 0, size, hash);
        return hash;
    }

    /// <summary>The inclusion proof (audit path) of leaf <paramref name="leafIndex"/> in the tree of the first <paramref name="treeSize"/> leaves.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the index is not in the tree or the tree is larger than the source.</exception>
    public static InclusionProof Inclusion(INodeHashSource source, long leafIndex, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, treeSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, source.Size);

        var path = new List<byte[]>(64);
        AppendPath(source, leafIndex, 0, treeSize, path);
        return new InclusionProof(leafIndex, treeSize, path);
    }

    /// <summary>The consistency proof between the trees of the first <paramref name="firstSize"/> and <paramref name="secondSize"/> leaves.</summary>
    /// <remarks>Empty when the sizes are equal or the first tree is empty, as RFC 9162 only defines proofs for 0 &lt; first &lt; second.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">When the sizes are out of order or beyond the source.</exception>
    public static ConsistencyProof Consistency(INodeHashSource source, long firstSize, long secondSize)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(firstSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstSize, secondSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(secondSize, source.Size);

        var path = new List<byte[]>(64);
        if (firstSize > 0 && firstSize < secondSize)
        {
            AppendSubproof(source, firstSize, 0, secondSize, true, path);
        }

        return new ConsistencyProof(firstSize, secondSize, path);
    }

    // PATH(m, D[start:end]): recurse toward the leaf, then append the sibling subtree's hash,
    // so the path comes out deepest sibling first.
    private static void AppendPath(INodeHashSource source, long m, long start, long end, List<byte[]> path)
    {
        var n = end - start;
        if (n <= 1)
        {
            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            AppendPath(source, m, start, start + k, path);
            path.Add(Hash(source, start + k, end));
        }
        else
        {
            AppendPath(source, m - k, start + k, end, path);
            path.Add(Hash(source, start, start + k));
        }
    }

    // SUBPROOF(m, D[start:end], b) of RFC 9162 section 2.1.4.1.
    private static void AppendSubproof(INodeHashSource source, long m, long start, long end, bool startsAtOldRoot, List<byte[]> path)
    {
        var n = end - start;
        if (m == n)
        {
            if (!startsAtOldRoot)
            {
                path.Add(Hash(source, start, end));
            }

            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            AppendSubproof(source, m, start, start + k, startsAtOldRoot, path);
            path.Add(Hash(source, start + k, end));
        }
        else
        {
            AppendSubproof(source, m - k, start + k, end, false, path);
            path.Add(Hash(source, start, start + k));
        }
    }

    private static byte[] Hash(INodeHashSource source, long start, long end)
    {
        var hash = new byte[MerkleHash.Length];
        RangeHash(source, start, end, hash);
        return hash;
    }

    // MTH(D[start:end]) for a range the RFC recursion produces: start is aligned to the largest
    // power of two not above end-start, so the range splits into the complete subtrees given by
    // the binary digits of its length, largest first, and MTH folds them from the right.
    internal static void RangeHash(INodeHashSource source, long start, long end, Span<byte> destination)
    {
        if (source is IRightEdgeHashes edge && edge.TryGetRangeHash(start, end, destination))
        {
            return;
        }

        var n = end - start;
        Span<byte> subtree = stackalloc byte[MerkleHash.Length];
        var have = false;
        for (var level = 0; level < 63 && (n >> level) != 0; level++)
        {
            if (((n >> level) & 1) == 0)
            {
                continue;
            }

            var chunkStart = start + ((n >> (level + 1)) << (level + 1));
            if (!have)
            {
                source.ReadNodeHash(level, chunkStart >> level, destination);
                have = true;
            }
            else
            {
                source.ReadNodeHash(level, chunkStart >> level, subtree);
                MerkleHash.Node(subtree, destination, destination);
            }
        }
    }

    internal static long LargestPowerOfTwoBelow(long n) => 1L << (63 - (int)long.LeadingZeroCount(n - 1));
}
