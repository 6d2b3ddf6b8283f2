// RFC 9162 (Certificate Transparency 2.0), section 2.1.1 "Definition of the Merkle Tree":
// the leaf hash is SHA-256(0x00 || entry), an interior node hash is SHA-256(0x01 || left || right),
// and the hash of the empty tree is SHA-256 of the empty string. The 0x00/0x01 prefixes keep a
// leaf from ever being read as an interior node (second-preimage resistance).
using System.Buffers;
using System.Security.Cryptography;

namespace Credstack.Ledger.Merkle;

/// <summary>The RFC 9162 Merkle tree hash functions (SHA-256 with 0x00/0x01 domain separation).</summary>
public static class MerkleHash
{
    /// <summary>The length of every hash in the tree, in bytes.</summary>
    public const int Length = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;
    private const int StackLimit = 1024;

    // One reusable SHA-256 context per thread: a proof check is ~25 node hashes of 65 bytes, and
    // reusing the context costs about a quarter less than a one-shot hash that creates its own.
    [ThreadStatic]
    private static IncrementalHash? _sha256;

    private static IncrementalHash Sha256 => _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>The root hash of the empty tree: SHA-256 of the empty string.</summary>
    public static byte[] EmptyTree() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>Returns the leaf hash of one log entry.</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        var hash = new byte[Length];
        Leaf(entry, hash);
        return hash;
    }

    /// <summary>Writes the leaf hash of one log entry into <paramref name="destination"/> (32 bytes).</summary>
    public static void Leaf(ReadOnlySpan<byte> entry, Span<byte> destination)
    {
        var length = entry.Length + 1;
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        buffer[0] = LeafPrefix;
        entry.CopyTo(buffer[1..]);
        Hash(buffer, destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Returns the hash of an interior node from its two children.</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Length];
        Node(left, right, hash);
        return hash;
    }

    /// <summary>Writes the hash of an interior node into <paramref name="destination"/>; it may alias either child.</summary>
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Length)];
        buffer[0] = NodePrefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Length)..]);
        Hash(buffer, destination);
    }

    private static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var sha256 = Sha256;
        sha256.AppendData(data);
        sha256.GetHashAndReset(destination);
    }
}
