using Credstack.Credentials.Keys;
using Credstack.Ledger.Notes;

namespace Credstack.Cli.Commands.Log;

/// <summary>
/// The CLI's Ed25519 for log keys: Credstack.Credentials' implementation (the platform OpenSSL,
/// with the managed fallback), behind the Ledger's <see cref="IEd25519"/> seam so the Ledger
/// itself stays free of any crypto library.
/// </summary>
internal sealed class CredentialsEd25519 : IEd25519
{
    public static CredentialsEd25519 Instance { get; } = new();

    public byte[] PublicKeyFromSeed(ReadOnlySpan<byte> seed)
    {
        using var key = Ed25519SigningKey.FromSeed(seed);
        return ((Ed25519VerificationKey)key.PublicKey).ExportPublicKey();
    }

    public byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message)
    {
        using var key = Ed25519SigningKey.FromSeed(seed);
        return key.Sign(message);
    }

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != Ed25519VerificationKey.PublicKeySize)
        {
            return false;
        }

        using var key = Ed25519VerificationKey.FromPublicKey(publicKey);
        return key.Verify(message, signature);
    }
}
