// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2) as JOSE RS256 (RFC 7518 §3.3) uses it.
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Credstack.Credentials.Keys;

/// <summary>An RSA private key for RS256, at least 2048 bits.</summary>
public sealed class RsaSigningKey : SigningKey
{
    private readonly RSA _rsa;
    private readonly RsaVerificationKey _publicKey;

    private RsaSigningKey(RSA rsa)
    {
        _rsa = rsa;
        _publicKey = RsaVerificationKey.FromTrusted(rsa.ExportParameters(false));
    }

    /// <inheritdoc />
    public override VerificationKey PublicKey => _publicKey;

    /// <summary>Creates a new random RSA key of <paramref name="keySizeInBits"/> bits (at least 2048).</summary>
    public static RsaSigningKey Generate(int keySizeInBits = RsaVerificationKey.MinimumKeySize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keySizeInBits, RsaVerificationKey.MinimumKeySize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keySizeInBits, RsaVerificationKey.MaximumKeySize);
        return new RsaSigningKey(RSA.Create(keySizeInBits));
    }

    /// <summary>
    /// Imports a private key from its parameters (all CRT members required, as RFC 7518 §6.3.2 JWKs carry them).
    /// Never throws on bad input; the parameters are not retained.
    /// </summary>
    public static KeyImportResult<SigningKey> ImportParameters(RSAParameters parameters)
    {
        if (parameters.Modulus is null || parameters.Exponent is null || parameters.D is null || parameters.P is null
            || parameters.Q is null || parameters.DP is null || parameters.DQ is null || parameters.InverseQ is null)
        {
            return KeyImportResult<SigningKey>.Failure(KeyProblem.InvalidJwk, "An RSA private key needs n, e, d, p, q, dp, dq and qi.");
        }

        using var publicCheck = RsaVerificationKey.ImportParameters(parameters.Modulus, parameters.Exponent).Key;
        if (publicCheck is null)
        {
            return RsaVerificationKey.ImportParameters(parameters.Modulus, parameters.Exponent).CastFailure<SigningKey>();
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(parameters);
        }
        catch (CryptographicException exception)
        {
            // The platform rejects inconsistent CRT values; that is bad input, reported as a value.
            rsa.Dispose();
            return KeyImportResult<SigningKey>.Failure(KeyProblem.InvalidJwk, "The RSA private key parameters are inconsistent: " + exception.Message);
        }

        var key = new RsaSigningKey(rsa);
        if (!key.PublicKey.Verify([1, 2, 3], key.Sign([1, 2, 3])))
        {
            key.Dispose();
            return KeyImportResult<SigningKey>.Failure(KeyProblem.KeyMismatch, "The RSA private key does not match its public modulus.");
        }

        return KeyImportResult<SigningKey>.Success(key);
    }

    private protected override int SignCore(ReadOnlySpan<byte> data, Span<byte> destination) =>
        _rsa.TrySignData(data, destination, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, out var written)
            ? written
            : throw new CryptographicException("RSA signing did not fit the destination.");

    private protected override JsonWebKey ExportPrivateJwkCore()
    {
        var p = _rsa.ExportParameters(true);
        try
        {
            return _publicKey.ExportJwk() with
            {
                D = Base64Url.EncodeToString(p.D),
                P = Base64Url.EncodeToString(p.P),
                Q = Base64Url.EncodeToString(p.Q),
                DP = Base64Url.EncodeToString(p.DP),
                DQ = Base64Url.EncodeToString(p.DQ),
                QI = Base64Url.EncodeToString(p.InverseQ),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(p.D);
            CryptographicOperations.ZeroMemory(p.P);
            CryptographicOperations.ZeroMemory(p.Q);
            CryptographicOperations.ZeroMemory(p.DP);
            CryptographicOperations.ZeroMemory(p.DQ);
            CryptographicOperations.ZeroMemory(p.InverseQ);
        }
    }

    private protected override byte[] ExportSecretBytesCore() => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rsa.Dispose();
            _publicKey.Dispose();
        }

        base.Dispose(disposing);
    }
}
