namespace Credstack.Ledger.Merkle;

// Implemented by stores that keep the tree's right edge in memory: the hash of a range that ends
// at the current size is a fold of the frontier's peaks, which they cache once per size instead
// of re-reading and rehashing the peaks for every proof.
internal interface IRightEdgeHashes
{
    bool TryGetRangeHash(long start, long end, Span<byte> destination);
}
