using System.Buffers.Binary;

namespace Credstack.Ledger.Notes;

/// <summary>Verifies a witness's timestamped Ed25519 cosignatures (C2SP tlog-cosignature, type 0x04).</summary>
public sealed class CosignatureVerifier : NoteVerifier
{
    private readonly IEd25519 _ed25519;

    /// <summary>Creates a verifier for the witness named <paramref name="name"/> with the 32-byte <paramref name="publicKey"/>.</summary>
    public CosignatureVerifier(string name, byte[] publicKey, IEd25519 ed25519)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(ed25519);
        Key = new NoteKey(name, NoteKey.Cosignature, publicKey);
        _ed25519 = ed25519;
    }

    /// <inheritdoc />
    public override NoteKey Key { get; }

    /// <summary>The POSIX timestamp inside a cosignature's signature bytes, or null when they are malformed.</summary>
    public static long? TimestampOf(ReadOnlySpan<byte> signature) =>
        signature.Length == 72 && BinaryPrimitives.ReadInt64BigEndian(signature) >= 0 ? BinaryPrimitives.ReadInt64BigEndian(signature) : null;

    /// <inheritdoc />
    public override bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature)
    {
        var timestamp = TimestampOf(signature);
        return timestamp is not null && _ed25519.Verify(Key.PublicKey, CosignatureMessage.Build(timestamp.Value, text), signature[8..]);
    }
}
