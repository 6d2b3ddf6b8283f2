namespace Credstack.Ledger.Notes;

/// <summary>Signs note text for one key: the key's name and ID go on the signature line, <see cref="Sign"/> produces the bytes after the ID.</summary>
public abstract class NoteSigner
{
    /// <summary>The public key this signer signs for.</summary>
    public abstract NoteKey Key { get; }

    /// <summary>Signs the note text (UTF-8, ending in a newline) and returns the signature bytes that follow the 4-byte key ID.</summary>
    public abstract byte[] Sign(ReadOnlySpan<byte> text);
}
