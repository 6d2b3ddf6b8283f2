namespace Credstack.Ledger.Notes;

/// <summary>Verifies Ed25519 (type 0x01) note signatures of one key.</summary>
public sealed class Ed25519NoteVerifier : NoteVerifier
{
    private readonly IEd25519 _ed25519;

    /// <summary>Creates a verifier for the key named <paramref name="name"/> with the 32-byte <paramref name="publicKey"/>.</summary>
    public Ed25519NoteVerifier(string name, byte[] publicKey, IEd25519 ed25519)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(ed25519);
        Key = new NoteKey(name, NoteKey.Ed25519, publicKey);
        _ed25519 = ed25519;
    }

    /// <inheritdoc />
    public override NoteKey Key { get; }

    /// <inheritdoc />
    public override bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature) =>
        signature.Length == 64 && _ed25519.Verify(Key.PublicKey, text, signature);
}
