using System.Security.Cryptography;
using System.Text.Json;

namespace Credstack.Credentials.Keys;

/// <summary>
/// A public key that checks signatures. Subclasses: <see cref="Ed25519VerificationKey"/>,
/// <see cref="EcdsaVerificationKey"/>, <see cref="RsaVerificationKey"/>. Import one from text with
/// <see cref="Multikey.ImportPublicKey"/> or <see cref="JsonWebKey.ToVerificationKey"/>.
/// </summary>
public abstract class VerificationKey : IDisposable
{
    private bool _disposed;

    private protected VerificationKey()
    {
    }

    /// <summary>The key type.</summary>
    public abstract KeyType KeyType { get; }

    /// <summary>The JOSE <c>alg</c> this key signs with (RFC 7518 / RFC 8037): <c>EdDSA</c>, <c>ES256</c>, <c>ES384</c> or <c>RS256</c>.</summary>
    public string JoseAlgorithm => KeyType switch
    {
        KeyType.Ed25519 => "EdDSA",
        KeyType.P256 => "ES256",
        KeyType.P384 => "ES384",
        _ => "RS256",
    };

    /// <summary>The length in bytes of a signature made with the matching private key.</summary>
    public abstract int SignatureSize { get; }

    /// <summary>True when the key has a Multikey form (<see cref="ExportPublicKeyMultibase"/>): all types but RSA.</summary>
    public bool SupportsMultikey => KeyType != KeyType.Rsa;

    /// <summary>
    /// Checks <paramref name="signature"/> over <paramref name="data"/>. Returns false, never throws, for a
    /// wrong, truncated or malformed signature. ECDSA signatures are IEEE P1363 <c>r||s</c>.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return VerifyCore(data, signature);
    }

    /// <summary>The public key as a JSON Web Key (RFC 7517, RFC 8037 for Ed25519), without <c>kid</c>.</summary>
    public JsonWebKey ExportJwk()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ExportJwkCore();
    }

    /// <summary>
    /// The public key as a Multikey <c>publicKeyMultibase</c> value: <c>z</c> + base58btc(multicodec prefix + key bytes);
    /// EC keys use the SEC1 compressed point.
    /// </summary>
    /// <exception cref="NotSupportedException">For RSA keys (see <see cref="SupportsMultikey"/>).</exception>
    public string ExportPublicKeyMultibase()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!SupportsMultikey)
        {
            throw new NotSupportedException("RSA keys have no Multikey form in Credstack; use ExportJwk.");
        }

        return Multikey.Encode(Multicodec.PublicKeyCodec(KeyType), ExportMultikeyBytesCore());
    }

    /// <summary>The RFC 7638 JWK thumbprint (SHA-256, base64url), a stable identifier for the public key.</summary>
    public string ComputeJwkThumbprint()
    {
        var jwk = ExportJwk();
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            // RFC 7638 §3.2: only the required members, in lexicographic order, no whitespace.
            writer.WriteStartObject();
            switch (jwk.Kty)
            {
                case "OKP":
                    writer.WriteString("crv", jwk.Crv);
                    writer.WriteString("kty", jwk.Kty);
                    writer.WriteString("x", jwk.X);
                    break;
                case "EC":
                    writer.WriteString("crv", jwk.Crv);
                    writer.WriteString("kty", jwk.Kty);
                    writer.WriteString("x", jwk.X);
                    writer.WriteString("y", jwk.Y);
                    break;
                default:
                    writer.WriteString("e", jwk.E);
                    writer.WriteString("kty", jwk.Kty);
                    writer.WriteString("n", jwk.N);
                    break;
            }

            writer.WriteEndObject();
        }

        return System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>True when <paramref name="other"/> is the same public key (same type and bytes).</summary>
    public bool HasSamePublicKey(VerificationKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.KeyType == KeyType
            && string.Equals(other.ComputeJwkThumbprint(), ComputeJwkThumbprint(), StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        if (_disposed)
        {
            return $"{KeyType} public key (disposed)";
        }

        return SupportsMultikey
            ? $"{KeyType} public key {ExportPublicKeyMultibase()}"
            : $"{KeyType} public key (JWK thumbprint {ComputeJwkThumbprint()})";
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the native or managed key objects.</summary>
    protected virtual void Dispose(bool disposing) => _disposed = true;

    private protected abstract bool VerifyCore(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);

    private protected abstract JsonWebKey ExportJwkCore();

    private protected abstract byte[] ExportMultikeyBytesCore();
}
