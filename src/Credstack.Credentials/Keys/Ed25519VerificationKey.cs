// Ed25519 public keys (RFC 8032 §5.1.5), JWK form per RFC 8037 §2 (kty OKP, crv Ed25519, x).
using System.Buffers.Text;

namespace Credstack.Credentials.Keys;

/// <summary>An Ed25519 public key, verified through OpenSSL or the managed implementation.</summary>
public sealed class Ed25519VerificationKey : VerificationKey
{
    /// <summary>The size of an Ed25519 public key in bytes.</summary>
    public const int PublicKeySize = 32;

    /// <summary>The size of an Ed25519 signature in bytes.</summary>
    public const int SignatureLength = 64;

    private readonly byte[] _publicKey;
    private readonly IEd25519Verifier _verifier;

    private Ed25519VerificationKey(byte[] publicKey, Ed25519Implementation implementation)
    {
        _publicKey = publicKey;
        Implementation = implementation;
        _verifier = implementation == Ed25519Implementation.OpenSsl
            ? OpenSslEd25519.CreateVerifier(publicKey)
            : ManagedEd25519.CreateVerifier(publicKey);
    }

    /// <inheritdoc />
    public override KeyType KeyType => KeyType.Ed25519;

    /// <inheritdoc />
    public override int SignatureSize => SignatureLength;

    /// <summary>The implementation this key verifies with (never <see cref="Ed25519Implementation.Auto"/>).</summary>
    public Ed25519Implementation Implementation { get; }

    /// <summary>Wraps a 32-byte public key.</summary>
    /// <exception cref="ArgumentException"><paramref name="publicKey"/> is not 32 bytes.</exception>
    public static Ed25519VerificationKey FromPublicKey(ReadOnlySpan<byte> publicKey, Ed25519Implementation implementation = Ed25519Implementation.Auto)
    {
        if (publicKey.Length != PublicKeySize)
        {
            throw new ArgumentException($"An Ed25519 public key has {PublicKeySize} bytes.", nameof(publicKey));
        }

        return new Ed25519VerificationKey(publicKey.ToArray(), Ed25519SigningKey.ResolveImplementation(implementation));
    }

    /// <summary>The raw 32-byte public key.</summary>
    public byte[] ExportPublicKey() => (byte[])_publicKey.Clone();

    private protected override bool VerifyCore(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => _verifier.Verify(data, signature);

    private protected override JsonWebKey ExportJwkCore() => new() { Kty = "OKP", Crv = "Ed25519", X = Base64Url.EncodeToString(_publicKey) };

    private protected override byte[] ExportMultikeyBytesCore() => ExportPublicKey();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _verifier.Dispose();
        }

        base.Dispose(disposing);
    }
}
