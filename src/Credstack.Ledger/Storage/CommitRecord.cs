using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Credstack.Ledger.Storage;

// The checksummed record that closes every batch in entries.dat (EntriesLength = where the batch's
// entry frames end; RootHash = the tree's root after the batch, which covers every entry byte), so
// that on open a batch that did not fully reach the disk is recognised and dropped instead of
// trusted. The same layout is the derived-state record in state.dat (EntriesLength = where the
// next batch starts). BatchDigest is reserved (zeros) in this version of the format.
internal sealed record CommitRecord(long Size, long EntriesLength, byte[] RootHash, byte[] BatchDigest)
{
    public const int Length = 96;
    private const uint Magic = 0x43534C31; // "CSL1"

    public static CommitRecord Empty { get; } = new(0, 0, SHA256.HashData(ReadOnlySpan<byte>.Empty), new byte[32]);

    public void Write(Span<byte> destination)
    {
        destination[..Length].Clear();
        BinaryPrimitives.WriteUInt32BigEndian(destination, Magic);
        BinaryPrimitives.WriteInt64BigEndian(destination[8..], Size);
        BinaryPrimitives.WriteInt64BigEndian(destination[16..], EntriesLength);
        RootHash.CopyTo(destination[24..]);
        BatchDigest.CopyTo(destination[56..]);
        Span<byte> check = stackalloc byte[32];
        SHA256.HashData(destination[..88], check);
        check[..8].CopyTo(destination[88..]);
    }

    public static CommitRecord? TryRead(ReadOnlySpan<byte> source)
    {
        if (source.Length < Length || BinaryPrimitives.ReadUInt32BigEndian(source) != Magic)
        {
            return null;
        }

        Span<byte> check = stackalloc byte[32];
        SHA256.HashData(source[..88], check);
        if (!check[..8].SequenceEqual(source.Slice(88, 8)))
        {
            return null;
        }

        var size = BinaryPrimitives.ReadInt64BigEndian(source[8..]);
        var entriesLength = BinaryPrimitives.ReadInt64BigEndian(source[16..]);
        return size < 0 || entriesLength < 0
            ? null
            : new CommitRecord(size, entriesLength, source.Slice(24, 32).ToArray(), source.Slice(56, 32).ToArray());
    }
}
