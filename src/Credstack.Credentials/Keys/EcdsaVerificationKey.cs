// ECDSA (FIPS 186-5) on P-256 / P-384 as the Data Integrity ECDSA cryptosuites (vc-di-ecdsa §3) and
// JOSE (RFC 7518 §3.4) use it: SHA-256 / SHA-384 over the data, signature in IEEE P1363 r||s form.
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Credstack.Credentials.Keys;

/// <summary>An ECDSA P-256 or P-384 public key.</summary>
public sealed class EcdsaVerificationKey : VerificationKey
{
    private readonly ECDsa _ecdsa;
    private readonly EllipticCurve _curve;
    private readonly ECPoint _point;

    private EcdsaVerificationKey(EllipticCurve curve, ECPoint point)
    {
        _curve = curve;
        _point = point;
        _ecdsa = ECDsa.Create(new ECParameters { Curve = curve.NamedCurve, Q = point });
    }

    /// <inheritdoc />
    public override KeyType KeyType => _curve.KeyType;

    /// <inheritdoc />
    public override int SignatureSize => 2 * _curve.FieldSize;

    /// <summary>
    /// Imports a public point given as its affine coordinates (big-endian, each exactly the field size).
    /// Never throws on bad input: a point off the curve gives <see cref="KeyProblem.InvalidPoint"/>.
    /// </summary>
    public static KeyImportResult<VerificationKey> ImportPoint(KeyType keyType, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        if (keyType is not (KeyType.P256 or KeyType.P384))
        {
            return KeyImportResult<VerificationKey>.Failure(KeyProblem.UnsupportedKeyType, $"{keyType} is not an ECDSA curve.");
        }

        var curve = EllipticCurve.For(keyType);
        if (x.Length != curve.FieldSize || y.Length != curve.FieldSize)
        {
            return KeyImportResult<VerificationKey>.Failure(KeyProblem.InvalidKeyLength, $"{curve.JwkCurveName} coordinates have {curve.FieldSize} bytes.");
        }

        if (!curve.IsOnCurve(x, y))
        {
            return KeyImportResult<VerificationKey>.Failure(KeyProblem.InvalidPoint, $"The point is not on {curve.JwkCurveName}.");
        }

        return KeyImportResult<VerificationKey>.Success(new EcdsaVerificationKey(curve, new ECPoint { X = x.ToArray(), Y = y.ToArray() }));
    }

    internal static KeyImportResult<VerificationKey> ImportCompressed(KeyType keyType, ReadOnlySpan<byte> compressed)
    {
        var curve = EllipticCurve.For(keyType);
        return curve.TryDecompress(compressed, out var point)
            ? KeyImportResult<VerificationKey>.Success(new EcdsaVerificationKey(curve, point))
            : KeyImportResult<VerificationKey>.Failure(KeyProblem.InvalidPoint, $"The compressed point is not on {curve.JwkCurveName}.");
    }

    internal static EcdsaVerificationKey FromTrustedPoint(EllipticCurve curve, ECPoint point) => new(curve, point);

    private protected override bool VerifyCore(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureSize
        && _ecdsa.VerifyData(data, signature, _curve.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    private protected override JsonWebKey ExportJwkCore() => new()
    {
        Kty = "EC",
        Crv = _curve.JwkCurveName,
        X = Base64Url.EncodeToString(_point.X),
        Y = Base64Url.EncodeToString(_point.Y),
    };

    private protected override byte[] ExportMultikeyBytesCore() => _curve.Compress(_point);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ecdsa.Dispose();
        }

        base.Dispose(disposing);
    }
}
