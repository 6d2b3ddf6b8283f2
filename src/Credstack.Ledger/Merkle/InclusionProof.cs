namespace Credstack.Ledger.Merkle;

/// <summary>An RFC 9162 inclusion proof (audit path): the sibling hashes from the leaf up to the root.</summary>
/// <param name="LeafIndex">The zero-based index of the leaf.</param>
/// <param name="TreeSize">The size of the tree the path leads to.</param>
/// <param name="Path">The audit path, deepest sibling first; each hash is 32 bytes.</param>
public sealed record InclusionProof(long LeafIndex, long TreeSize, IReadOnlyList<byte[]> Path);
