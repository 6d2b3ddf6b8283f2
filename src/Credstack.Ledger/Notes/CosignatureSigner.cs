using System.Buffers.Binary;

namespace Credstack.Ledger.Notes;

/// <summary>A witness: cosigns checkpoints with timestamped Ed25519 cosignatures (C2SP tlog-cosignature, type 0x04).</summary>
public sealed class CosignatureSigner : NoteSigner
{
    private readonly byte[] _seed;
    private readonly IEd25519 _ed25519;
    private readonly TimeProvider _time;

    /// <summary>Creates a cosigner named <paramref name="name"/> with the 32-byte private <paramref name="seed"/>; <paramref name="time"/> stamps each cosignature.</summary>
    public CosignatureSigner(string name, ReadOnlySpan<byte> seed, IEd25519 ed25519, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ed25519);
        ArgumentNullException.ThrowIfNull(time);
        if (!NoteKey.IsValidName(name) || seed.Length != 32)
        {
            throw new ArgumentException("A cosigner needs a valid key name and a 32-byte seed.", nameof(name));
        }

        _seed = seed.ToArray();
        _ed25519 = ed25519;
        _time = time;
        Key = new NoteKey(name, NoteKey.Cosignature, ed25519.PublicKeyFromSeed(_seed));
    }

    /// <inheritdoc />
    public override NoteKey Key { get; }

    /// <inheritdoc />
    public override byte[] Sign(ReadOnlySpan<byte> text)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        var signature = _ed25519.Sign(_seed, CosignatureMessage.Build(timestamp, text));
        var blob = new byte[8 + signature.Length];
        BinaryPrimitives.WriteInt64BigEndian(blob, timestamp);
        signature.CopyTo(blob, 8);
        return blob;
    }
}
