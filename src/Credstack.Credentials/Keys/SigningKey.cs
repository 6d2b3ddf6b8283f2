namespace Credstack.Credentials.Keys;

/// <summary>
/// A private key that signs. Private material never appears in <see cref="object.ToString"/> and leaves
/// the object only through the methods named for it (<see cref="ExportPrivateJwk"/>,
/// <see cref="ExportSecretKeyMultibase"/>). <see cref="IDisposable.Dispose"/> clears it from memory.
/// </summary>
public abstract class SigningKey : IDisposable
{
    private bool _disposed;

    private protected SigningKey()
    {
    }

    /// <summary>The matching public key (owned by this key: disposed with it).</summary>
    public abstract VerificationKey PublicKey { get; }

    /// <summary>The key type.</summary>
    public KeyType KeyType => PublicKey.KeyType;

    /// <summary>The JOSE <c>alg</c> (<c>EdDSA</c>, <c>ES256</c>, <c>ES384</c>, <c>RS256</c>).</summary>
    public string JoseAlgorithm => PublicKey.JoseAlgorithm;

    /// <summary>The length in bytes of a signature (64 for Ed25519 and P-256, 96 for P-384, the modulus size for RSA).</summary>
    public int SignatureSize => PublicKey.SignatureSize;

    /// <summary>Creates a new random key of <paramref name="keyType"/> (RSA: 2048 bits).</summary>
    public static SigningKey Generate(KeyType keyType) => keyType switch
    {
        KeyType.Ed25519 => Ed25519SigningKey.Generate(),
        KeyType.P256 or KeyType.P384 => EcdsaSigningKey.Generate(keyType),
        KeyType.Rsa => RsaSigningKey.Generate(),
        _ => throw new ArgumentOutOfRangeException(nameof(keyType), keyType, "Unknown key type."),
    };

    /// <summary>
    /// Signs <paramref name="data"/> into <paramref name="destination"/> and returns the number of bytes written
    /// (<see cref="SignatureSize"/>). ECDSA hashes with the curve's hash and writes IEEE P1363 <c>r||s</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="SignatureSize"/>.</exception>
    public int Sign(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (destination.Length < SignatureSize)
        {
            throw new ArgumentException($"The destination needs {SignatureSize} bytes.", nameof(destination));
        }

        return SignCore(data, destination);
    }

    /// <summary>Signs <paramref name="data"/> and returns the signature.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        var signature = new byte[SignatureSize];
        var written = Sign(data, signature);
        return written == signature.Length ? signature : signature[..written];
    }

    /// <summary>Exports the private key as a JSON Web Key, private members included. Handle the result as a secret.</summary>
    public JsonWebKey ExportPrivateJwk()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ExportPrivateJwkCore();
    }

    /// <summary>
    /// Exports the private key as a Multikey <c>secretKeyMultibase</c> value (ed25519-priv, p256-priv, p384-priv).
    /// Handle the result as a secret.
    /// </summary>
    /// <exception cref="NotSupportedException">For RSA keys.</exception>
    public string ExportSecretKeyMultibase()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (KeyType == KeyType.Rsa)
        {
            throw new NotSupportedException("RSA keys have no Multikey form in Credstack; use ExportPrivateJwk.");
        }

        var secret = ExportSecretBytesCore();
        try
        {
            return Multikey.Encode(Multicodec.PrivateKeyCodec(KeyType), secret);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        _disposed ? $"{GetType().Name} (disposed)" : $"{KeyType} signing key for {PublicKey}";

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Clears private key material and releases key objects.</summary>
    protected virtual void Dispose(bool disposing) => _disposed = true;

    private protected abstract int SignCore(ReadOnlySpan<byte> data, Span<byte> destination);

    private protected abstract JsonWebKey ExportPrivateJwkCore();

    private protected abstract byte[] ExportSecretBytesCore();
}
