using Credstack.Ledger.Notes;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Credstack.Ledger.Tests.Notes;

/// <summary>Test-side Ed25519 behind the Ledger's seam, until Credstack.Credentials' implementation can be used here.</summary>
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
