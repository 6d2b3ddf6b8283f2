namespace Credstack.Ledger.Notes;

/// <summary>Checks note signatures for one known key.</summary>
public abstract class NoteVerifier
{
    /// <summary>The key this verifier trusts.</summary>
    public abstract NoteKey Key { get; }

    /// <summary>True when <paramref name="signature"/> (the bytes after the key ID) is valid over <paramref name="text"/>; false for any malformed input.</summary>
    public abstract bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature);
}
