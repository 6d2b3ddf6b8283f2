namespace Credstack.Ledger.Merkle;

/// <summary>
/// Read access to the hashes of the complete subtrees of a Merkle tree, which is all a proof needs.
/// The node at <c>level</c> L and <c>index</c> i is the root of the perfect subtree over leaves
/// [i·2^L, (i+1)·2^L); level 0 holds the leaf hashes.
/// </summary>
public interface INodeHashSource
{
    /// <summary>The number of leaves in the tree.</summary>
    long Size { get; }

    /// <summary>Writes the hash of the complete subtree at (<paramref name="level"/>, <paramref name="index"/>) into <paramref name="destination"/>.</summary>
    /// <remarks>The subtree must lie entirely within <see cref="Size"/> leaves.</remarks>
    void ReadNodeHash(int level, long index, Span<byte> destination);
}
