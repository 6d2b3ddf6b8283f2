// The right edge of an append-only RFC 9162 tree: the roots of the perfect subtrees given by the
// binary digits of the tree size (at most 63 hashes, whatever the size). Appending a leaf merges
// equal-sized subtrees, which yields every new interior node exactly once and in post-order.
namespace Credstack.Ledger.Merkle;

internal sealed class MerkleFrontier
{
    private readonly List<(int Level, byte[] Hash)> _peaks = new(64);
    private long[]? _suffixStarts;
    private byte[][]? _suffixHashes;

    public long Size { get; private set; }

    /// <summary>Rebuilds the frontier of a tree of <paramref name="size"/> leaves from its stored subtree hashes.</summary>
    public static MerkleFrontier Load(INodeHashSource source, long size)
    {
        var frontier = new MerkleFrontier { Size = size };
        long start = 0;
        for (var level = 62; level >= 0; level--)
        {
            if (((size >> level) & 1) == 0)
            {
                continue;
            }

            var hash = new byte[MerkleHash.Length];
            source.ReadNodeHash(level, start >> level, hash);
            frontier._peaks.Add((level, hash));
            start += 1L << level;
        }

        return frontier;
    }

    /// <summary>A copy that can advance independently (the hashes themselves are never mutated).</summary>
    public MerkleFrontier Clone()
    {
        var copy = new MerkleFrontier { Size = Size };
        copy._peaks.AddRange(_peaks);
        return copy;
    }

    /// <summary>Adds one leaf hash; <paramref name="onNode"/> receives the leaf and then each completed interior node, in post-order.</summary>
    public void Append(ReadOnlySpan<byte> leafHash, Action<ReadOnlyMemory<byte>>? onNode)
    {
        var hash = leafHash.ToArray();
        onNode?.Invoke(hash);
        var level = 0;
        while (_peaks.Count > 0 && _peaks[^1].Level == level)
        {
            var left = _peaks[^1].Hash;
            _peaks.RemoveAt(_peaks.Count - 1);
            var parent = new byte[MerkleHash.Length];
            MerkleHash.Node(left, hash, parent);
            hash = parent;
            level++;
            onNode?.Invoke(hash);
        }

        _peaks.Add((level, hash));
        Size++;
        _suffixHashes = null;
    }

    /// <summary>The hash of leaves [<paramref name="start"/>, Size) when <paramref name="start"/> is where a peak begins: the peaks from there folded from the right.</summary>
    public bool TryGetSuffixHash(long start, long end, Span<byte> destination)
    {
        if (end != Size || _peaks.Count == 0)
        {
            return false;
        }

        if (_suffixHashes is null)
        {
            var starts = new long[_peaks.Count];
            var hashes = new byte[_peaks.Count][];
            long offset = 0;
            for (var i = 0; i < _peaks.Count; i++)
            {
                starts[i] = offset;
                offset += 1L << _peaks[i].Level;
            }

            hashes[^1] = _peaks[^1].Hash;
            for (var i = _peaks.Count - 2; i >= 0; i--)
            {
                hashes[i] = MerkleHash.Node(_peaks[i].Hash, hashes[i + 1]);
            }

            _suffixStarts = starts;
            _suffixHashes = hashes;
        }

        var index = Array.BinarySearch(_suffixStarts!, start);
        if (index < 0)
        {
            return false;
        }

        _suffixHashes[index].CopyTo(destination);
        return true;
    }

    /// <summary>The Merkle Tree Hash of the whole tree: the peaks folded from the right.</summary>
    public byte[] RootHash()
    {
        if (_peaks.Count == 0)
        {
            return MerkleHash.EmptyTree();
        }

        var root = (byte[])_peaks[^1].Hash.Clone();
        for (var i = _peaks.Count - 2; i >= 0; i--)
        {
            MerkleHash.Node(_peaks[i].Hash, root, root);
        }

        return root;
    }

    /// <summary>The post-order position of the node at (<paramref name="level"/>, <paramref name="index"/>) in a tree grown leaf by leaf.</summary>
    /// <remarks>The subtree starting at leaf s is preceded by 2s − popcount(s) nodes; a perfect subtree of height L has 2^(L+1) − 1 nodes, its root last.</remarks>
    public static long PostorderPosition(int level, long index)
    {
        var start = index << level;
        return (2 * start) - long.PopCount(start) + (1L << (level + 1)) - 2;
    }

    /// <summary>The number of nodes (leaves and interior) stored for a tree of <paramref name="size"/> leaves.</summary>
    public static long NodeCount(long size) => (2 * size) - long.PopCount(size);
}
