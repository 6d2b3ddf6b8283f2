// ECDSA (FIPS 186-5) signing on P-256 / P-384 for the Data Integrity ECDSA cryptosuites
// (vc-di-ecdsa §3) and JOSE ES256 / ES384 (RFC 7518 §3.4): IEEE P1363 r||s output.
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Credstack.Credentials.Keys;

/// <summary>An ECDSA P-256 or P-384 private key.</summary>
public sealed class EcdsaSigningKey : SigningKey
{
    private readonly ECDsa _ecdsa;
    private readonly EllipticCurve _curve;
    private readonly EcdsaVerificationKey _publicKey;

    private EcdsaSigningKey(EllipticCurve curve, ECDsa ecdsa)
    {
        _curve = curve;
        _ecdsa = ecdsa;
        _publicKey = EcdsaVerificationKey.FromTrustedPoint(curve, ecdsa.ExportParameters(false).Q);
    }

    /// <inheritdoc />
    public override VerificationKey PublicKey => _publicKey;

    /// <summary>Creates a new random key on <paramref name="keyType"/> (<see cref="KeyType.P256"/> or <see cref="KeyType.P384"/>).</summary>
    public static new EcdsaSigningKey Generate(KeyType keyType)
    {
        var curve = EllipticCurve.For(keyType);
        return new EcdsaSigningKey(curve, ECDsa.Create(curve.NamedCurve));
    }

    /// <summary>
    /// Imports a private scalar <c>d</c> (big-endian, exactly the field size) and derives the public point.
    /// Never throws on bad input.
    /// </summary>
    public static KeyImportResult<SigningKey> ImportScalar(KeyType keyType, ReadOnlySpan<byte> d)
    {
        if (keyType is not (KeyType.P256 or KeyType.P384))
        {
            return KeyImportResult<SigningKey>.Failure(KeyProblem.UnsupportedKeyType, $"{keyType} is not an ECDSA curve.");
        }

        var curve = EllipticCurve.For(keyType);
        if (d.Length != curve.FieldSize)
        {
            return KeyImportResult<SigningKey>.Failure(KeyProblem.InvalidKeyLength, $"A {curve.JwkCurveName} private key has {curve.FieldSize} bytes.");
        }

        if (!curve.IsValidScalar(d))
        {
            return KeyImportResult<SigningKey>.Failure(KeyProblem.InvalidPoint, $"The private scalar is out of range for {curve.JwkCurveName}.");
        }

        var parameters = new ECParameters { Curve = curve.NamedCurve, D = d.ToArray() };
        try
        {
            // With D alone the platform derives Q = d·G.
            var ecdsa = ECDsa.Create(parameters);
            return KeyImportResult<SigningKey>.Success(new EcdsaSigningKey(curve, ecdsa));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    internal static KeyImportResult<SigningKey> ImportScalarWithPoint(KeyType keyType, ReadOnlySpan<byte> d, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var imported = ImportScalar(keyType, d);
        if (!imported.Succeeded)
        {
            return imported;
        }

        var point = ((EcdsaSigningKey)imported.Key)._publicKey.ExportJwk();
        if (!string.Equals(point.X, Base64Url.EncodeToString(x), StringComparison.Ordinal)
            || !string.Equals(point.Y, Base64Url.EncodeToString(y), StringComparison.Ordinal))
        {
            imported.Key.Dispose();
            return KeyImportResult<SigningKey>.Failure(KeyProblem.KeyMismatch, "The public point does not belong to the private scalar.");
        }

        return imported;
    }

    private protected override int SignCore(ReadOnlySpan<byte> data, Span<byte> destination) =>
        _ecdsa.TrySignData(data, destination, _curve.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written)
            ? written
            : throw new CryptographicException("ECDSA signing did not fit the destination.");

    private protected override JsonWebKey ExportPrivateJwkCore()
    {
        var secret = ExportSecretBytesCore();
        try
        {
            return _publicKey.ExportJwk() with { D = Base64Url.EncodeToString(secret) };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private protected override byte[] ExportSecretBytesCore()
    {
        var parameters = _ecdsa.ExportParameters(true);
        var d = parameters.D!;
        if (d.Length == _curve.FieldSize)
        {
            return d;
        }

        var padded = new byte[_curve.FieldSize];
        d.CopyTo(padded.AsSpan(_curve.FieldSize - d.Length));
        CryptographicOperations.ZeroMemory(d);
        return padded;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ecdsa.Dispose();
            _publicKey.Dispose();
        }

        base.Dispose(disposing);
    }
}
