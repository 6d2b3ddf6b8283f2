namespace Credstack.Ledger.Notes;

/// <summary>
/// The Ed25519 primitive (RFC 8032) the Ledger signs and verifies notes with. The Ledger stays
/// free of any crypto library: the host (server, CLI) passes in an implementation, such as the
/// one in Credstack.Credentials, through this one seam.
/// </summary>
public interface IEd25519
{
    /// <summary>The 32-byte public key of a 32-byte private seed.</summary>
    byte[] PublicKeyFromSeed(ReadOnlySpan<byte> seed);

    /// <summary>The 64-byte Ed25519 signature of <paramref name="message"/> under the key of <paramref name="seed"/>.</summary>
    byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message);

    /// <summary>True when <paramref name="signature"/> is a valid Ed25519 signature of <paramref name="message"/> by <paramref name="publicKey"/>; false for any malformed input.</summary>
    bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}
