// SEC 1 v2 §2.3.3 / §2.3.4 (point compression and decompression) for the NIST prime curves
// P-256 and P-384 (FIPS 186-5, SP 800-186 §3.2.1): y² = x³ − 3x + b over GF(p). Both primes are
// ≡ 3 (mod 4), so the square root is rhs^((p+1)/4).
using System.Numerics;
using System.Security.Cryptography;

namespace Credstack.Credentials.Keys;

internal sealed class EllipticCurve
{
    private static readonly Lazy<EllipticCurve> P256Curve = new(() => Create(KeyType.P256));
    private static readonly Lazy<EllipticCurve> P384Curve = new(() => Create(KeyType.P384));

    private readonly BigInteger _p;
    private readonly BigInteger _b;
    private readonly BigInteger _n;
    private readonly BigInteger _sqrtExponent;

    private EllipticCurve(KeyType keyType, ECCurve namedCurve, HashAlgorithmName hash, int fieldSize, BigInteger p, BigInteger b, BigInteger n)
    {
        KeyType = keyType;
        NamedCurve = namedCurve;
        Hash = hash;
        FieldSize = fieldSize;
        _p = p;
        _b = b;
        _n = n;
        _sqrtExponent = (p + 1) / 4;
    }

    public KeyType KeyType { get; }

    public ECCurve NamedCurve { get; }

    public HashAlgorithmName Hash { get; }

    /// <summary>Bytes in a field element / coordinate / private scalar.</summary>
    public int FieldSize { get; }

    /// <summary>The JOSE / JWK <c>crv</c> name.</summary>
    public string JwkCurveName => KeyType == KeyType.P256 ? "P-256" : "P-384";

    public static EllipticCurve For(KeyType keyType) => keyType switch
    {
        KeyType.P256 => P256Curve.Value,
        KeyType.P384 => P384Curve.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(keyType), keyType, "Not an ECDSA curve."),
    };

    /// <summary>The SEC1 compressed form: 0x02 | 0x03 (parity of y), then x.</summary>
    public byte[] Compress(ECPoint point)
    {
        var compressed = new byte[1 + FieldSize];
        compressed[0] = (byte)(0x02 | (point.Y![^1] & 1));
        point.X.AsSpan().CopyTo(compressed.AsSpan(1 + FieldSize - point.X!.Length));
        return compressed;
    }

    /// <summary>Recovers the full point from its compressed form; false if the prefix is wrong or x is not on the curve.</summary>
    public bool TryDecompress(ReadOnlySpan<byte> compressed, out ECPoint point)
    {
        point = default;
        if (compressed.Length != 1 + FieldSize || (compressed[0] != 0x02 && compressed[0] != 0x03))
        {
            return false;
        }

        var x = ToInteger(compressed[1..]);
        if (x >= _p)
        {
            return false;
        }

        var rhs = RightHandSide(x);
        var y = BigInteger.ModPow(rhs, _sqrtExponent, _p);
        if (BigInteger.ModPow(y, 2, _p) != rhs)
        {
            return false;
        }

        if ((y.IsEven ? 0 : 1) != (compressed[0] & 1))
        {
            y = _p - y;
        }

        point = new ECPoint { X = compressed[1..].ToArray(), Y = ToBytes(y) };
        return true;
    }

    /// <summary>True when (x, y) has coordinates of the right size, in range, and satisfies the curve equation.</summary>
    public bool IsOnCurve(ReadOnlySpan<byte> xBytes, ReadOnlySpan<byte> yBytes)
    {
        if (xBytes.Length != FieldSize || yBytes.Length != FieldSize)
        {
            return false;
        }

        var x = ToInteger(xBytes);
        var y = ToInteger(yBytes);
        return x < _p && y < _p && BigInteger.ModPow(y, 2, _p) == RightHandSide(x);
    }

    /// <summary>True when the private scalar is in [1, n − 1].</summary>
    public bool IsValidScalar(ReadOnlySpan<byte> d)
    {
        if (d.Length != FieldSize)
        {
            return false;
        }

        var value = ToInteger(d);
        return !value.IsZero && value < _n;
    }

    private static EllipticCurve Create(KeyType keyType)
    {
        var (named, hash, size) = keyType == KeyType.P256
            ? (ECCurve.NamedCurves.nistP256, HashAlgorithmName.SHA256, 32)
            : (ECCurve.NamedCurves.nistP384, HashAlgorithmName.SHA384, 48);

        // The curve constants come from the platform rather than from hand-typed hex.
        using var ecdsa = ECDsa.Create(named);
        var explicitCurve = ecdsa.ExportExplicitParameters(false).Curve;
        return new EllipticCurve(keyType, named, hash, size, ToInteger(explicitCurve.Prime), ToInteger(explicitCurve.B), ToInteger(explicitCurve.Order));
    }

    private static BigInteger ToInteger(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    private BigInteger RightHandSide(BigInteger x)
    {
        var rhs = (BigInteger.ModPow(x, 3, _p) - (3 * x) + _b) % _p;
        return rhs.Sign < 0 ? rhs + _p : rhs;
    }

    private byte[] ToBytes(BigInteger value)
    {
        var bytes = new byte[FieldSize];
        var length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(bytes.AsSpan(FieldSize - length), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }
}
