using Credstack.Ledger.Notes;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Credstack.Cli.Commands.Log;

/// <summary>
/// The CLI's Ed25519 for log keys, behind the Ledger's <see cref="IEd25519"/> seam. This is the one
/// place to swap for Credstack.Credentials' Ed25519 (OpenSSL with a managed fallback) once it lands.
/// </summary>
internal sealed class BouncyCastleEd25519 : IEd25519
{
    public static BouncyCastleEd25519 Instance { get; } = new();

    public byte[] PublicKeyFromSeed(ReadOnlySpan<byte> seed)
    {
        var publicKey = new byte[Ed25519.PublicKeySize];
        Ed25519.GeneratePublicKey(seed.ToArray(), 0, publicKey, 0);
        return publicKey;
    }

    public byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message)
    {
        var signature = new byte[Ed25519.SignatureSize];
        var bytes = message.ToArray();
        Ed25519.Sign(seed.ToArray(), 0, bytes, 0, bytes.Length, signature, 0);
        return signature;
    }

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != Ed25519.PublicKeySize || signature.Length != Ed25519.SignatureSize)
        {
            return false;
        }

        var bytes = message.ToArray();
        return Ed25519.Verify(signature.ToArray(), 0, publicKey.ToArray(), 0, bytes, 0, bytes.Length);
    }
}
