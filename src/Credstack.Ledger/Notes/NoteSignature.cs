namespace Credstack.Ledger.Notes;

/// <summary>One signature line of a signed note: <c>— name base64(key ID || signature)</c>.</summary>
/// <param name="Name">The key name.</param>
/// <param name="KeyId">The 32-bit key ID.</param>
/// <param name="Signature">The signature bytes after the key ID.</param>
public sealed record NoteSignature(string Name, uint KeyId, byte[] Signature);
