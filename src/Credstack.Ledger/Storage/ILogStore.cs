using Credstack.Ledger.Merkle;

namespace Credstack.Ledger.Storage;

/// <summary>
/// An append-only store of log entries and the Merkle node hashes needed to answer proofs.
/// Implementations are not thread-safe: the caller serialises appends and reads.
/// </summary>
public interface ILogStore : INodeHashSource, IDisposable
{
    /// <summary>Appends a batch of entries as one durable commit and returns the index of the first one.</summary>
    long Append(IReadOnlyList<ReadOnlyMemory<byte>> entries);

    /// <summary>Returns the bytes of the entry at <paramref name="index"/>.</summary>
    byte[] ReadEntry(long index);

    /// <summary>The Merkle Tree Hash of the whole log as it is now.</summary>
    byte[] RootHash();
}
