using Credstack.Ledger.Merkle;

namespace Credstack.Ledger.Storage;

/// <summary>An in-memory <see cref="ILogStore"/> for tests and short-lived logs; its memory grows with the log.</summary>
public sealed class MemoryLogStore : ILogStore, IRightEdgeHashes
{
    private readonly List<byte[]> _entries = [];
    private readonly List<byte[]> _nodes = [];
    private readonly MerkleFrontier _frontier = new();

    /// <inheritdoc />
    public long Size => _entries.Count;

    /// <inheritdoc />
    public long Append(IReadOnlyList<ReadOnlyMemory<byte>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var first = Size;
        Span<byte> leaf = stackalloc byte[MerkleHash.Length];
        foreach (var entry in entries)
        {
            _entries.Add(entry.ToArray());
            MerkleHash.Leaf(entry.Span, leaf);
            _frontier.Append(leaf, node => _nodes.Add(node.ToArray()));
        }

        return first;
    }

    /// <inheritdoc />
    public byte[] ReadEntry(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        return (byte[])_entries[checked((int)index)].Clone();
    }

    /// <inheritdoc />
    public void ReadNodeHash(int level, long index, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((index + 1) << level, Size);
        _nodes[checked((int)MerkleFrontier.PostorderPosition(level, index))].CopyTo(destination);
    }

    bool IRightEdgeHashes.TryGetRangeHash(long start, long end, Span<byte> destination) => _frontier.TryGetSuffixHash(start, end, destination);

    /// <inheritdoc />
    public byte[] RootHash() => _frontier.RootHash();

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
