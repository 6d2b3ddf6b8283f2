// Ed25519 (RFC 8032 §5.1) in managed code, through BouncyCastle's RFC 8032 implementation: the
// fallback where the platform OpenSSL is absent. Same inputs, same signatures as OpenSslEd25519.
using System.Security.Cryptography;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace Credstack.Credentials.Keys;

internal static class ManagedEd25519
{
    public static IEd25519Signer CreateSigner(ReadOnlySpan<byte> seed, Span<byte> publicKey)
    {
        // Pinned so the GC never leaves copies of the seed behind when it compacts.
        var secret = GC.AllocateArray<byte>(Ed25519SigningKey.SeedSize, pinned: true);
        seed.CopyTo(secret);
        var derived = new byte[Ed25519VerificationKey.PublicKeySize];
        BcEd25519.GeneratePublicKey(secret, 0, derived, 0);
        derived.CopyTo(publicKey);
        return new Signer(secret, derived);
    }

    public static IEd25519Verifier CreateVerifier(ReadOnlySpan<byte> publicKey) => new Verifier(publicKey.ToArray());

    private sealed class Signer(byte[] secret, byte[] publicKey) : IEd25519Signer
    {
        public void Sign(ReadOnlySpan<byte> data, Span<byte> signature)
        {
            var message = data.ToArray();
            var result = new byte[Ed25519VerificationKey.SignatureLength];
            BcEd25519.Sign(secret, 0, publicKey, 0, message, 0, message.Length, result, 0);
            result.CopyTo(signature);
        }

        public void Dispose() => CryptographicOperations.ZeroMemory(secret);
    }

    private sealed class Verifier(byte[] publicKey) : IEd25519Verifier
    {
        public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
        {
            if (signature.Length != Ed25519VerificationKey.SignatureLength)
            {
                return false;
            }

            var message = data.ToArray();
            return BcEd25519.Verify(signature.ToArray(), 0, publicKey, 0, message, 0, message.Length);
        }

        public void Dispose()
        {
        }
    }
}
