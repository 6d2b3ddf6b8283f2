// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2) as JOSE RS256 (RFC 7518 §3.3) uses it.
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Credstack.Credentials.Keys;

/// <summary>An RSA public key (RS256), at least 2048 bits.</summary>
public sealed class RsaVerificationKey : VerificationKey
{
    /// <summary>The smallest modulus Credstack accepts, in bits (RFC 7518 §3.3 requires 2048).</summary>
    public const int MinimumKeySize = 2048;

    // A modulus beyond this is a denial-of-service vector, not a real key.
    internal const int MaximumKeySize = 8192;

    private readonly RSA _rsa;
    private readonly RSAParameters _parameters;

    private RsaVerificationKey(RSAParameters publicParameters)
    {
        _parameters = publicParameters;
        _rsa = RSA.Create(publicParameters);
    }

    /// <inheritdoc />
    public override KeyType KeyType => KeyType.Rsa;

    /// <inheritdoc />
    public override int SignatureSize => _parameters.Modulus!.Length;

    /// <summary>The modulus size in bits.</summary>
    public int KeySize => _rsa.KeySize;

    /// <summary>Imports a public key from its modulus and exponent (big-endian). Never throws on bad input.</summary>
    public static KeyImportResult<VerificationKey> ImportParameters(ReadOnlySpan<byte> modulus, ReadOnlySpan<byte> exponent)
    {
        modulus = TrimLeadingZeros(modulus);
        exponent = TrimLeadingZeros(exponent);
        if (modulus.Length * 8 < MinimumKeySize)
        {
            return KeyImportResult<VerificationKey>.Failure(KeyProblem.KeyTooSmall, $"RSA keys need at least {MinimumKeySize} bits.");
        }

        if (modulus.Length * 8 > MaximumKeySize || exponent.IsEmpty || exponent.Length > 8 || (modulus[^1] & 1) == 0)
        {
            return KeyImportResult<VerificationKey>.Failure(KeyProblem.InvalidJwk, "The RSA modulus or exponent is malformed.");
        }

        return KeyImportResult<VerificationKey>.Success(new RsaVerificationKey(new RSAParameters { Modulus = modulus.ToArray(), Exponent = exponent.ToArray() }));
    }

    internal static RsaVerificationKey FromTrusted(RSAParameters parameters) =>
        new(new RSAParameters { Modulus = parameters.Modulus, Exponent = parameters.Exponent });

    private protected override bool VerifyCore(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureSize
        && _rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private protected override JsonWebKey ExportJwkCore() => new()
    {
        Kty = "RSA",
        N = Base64Url.EncodeToString(_parameters.Modulus),
        E = Base64Url.EncodeToString(_parameters.Exponent),
    };

    private protected override byte[] ExportMultikeyBytesCore() => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rsa.Dispose();
        }

        base.Dispose(disposing);
    }

    private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        var start = value.IndexOfAnyExcept((byte)0);
        return start < 0 ? [] : value[start..];
    }
}
