namespace Credstack.Ledger.Merkle;

/// <summary>An RFC 9162 consistency proof: the hashes that show a tree of <see cref="FirstSize"/> leaves is a prefix of one of <see cref="SecondSize"/> leaves.</summary>
/// <param name="FirstSize">The size of the older tree.</param>
/// <param name="SecondSize">The size of the newer tree.</param>
/// <param name="Path">The consistency path in the order RFC 9162 section 2.1.4.1 produces it; each hash is 32 bytes.</param>
public sealed record ConsistencyProof(long FirstSize, long SecondSize, IReadOnlyList<byte[]> Path);
