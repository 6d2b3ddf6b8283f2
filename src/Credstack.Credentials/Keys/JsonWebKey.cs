// JSON Web Key, RFC 7517 §4 (common members), RFC 7518 §6 (EC and RSA members) and RFC 8037 §2
// (OKP: Ed25519). Members are base64url without padding (RFC 7515 §2).
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Keys;

/// <summary>
/// A JSON Web Key as it appears on the wire. <see cref="ToString"/> never shows private members;
/// serializing a key that has them (one from <see cref="SigningKey.ExportPrivateJwk"/>) writes them.
/// </summary>
public sealed record JsonWebKey
{
    // Larger JWKs than this are not keys (an 8192-bit RSA private key is about 6 KB).
    private const int MaxJsonLength = 16 * 1024;

    /// <summary>Key type: <c>OKP</c>, <c>EC</c> or <c>RSA</c>.</summary>
    [JsonPropertyName("kty")]
    public string? Kty { get; init; }

    /// <summary>Curve: <c>Ed25519</c>, <c>P-256</c>, <c>P-384</c>.</summary>
    [JsonPropertyName("crv")]
    public string? Crv { get; init; }

    /// <summary>OKP public key, or EC x coordinate.</summary>
    [JsonPropertyName("x")]
    public string? X { get; init; }

    /// <summary>EC y coordinate.</summary>
    [JsonPropertyName("y")]
    public string? Y { get; init; }

    /// <summary>RSA modulus.</summary>
    [JsonPropertyName("n")]
    public string? N { get; init; }

    /// <summary>RSA public exponent.</summary>
    [JsonPropertyName("e")]
    public string? E { get; init; }

    /// <summary>Private: OKP seed, EC scalar, or RSA private exponent.</summary>
    [JsonPropertyName("d")]
    public string? D { get; init; }

    /// <summary>Private: RSA first prime factor.</summary>
    [JsonPropertyName("p")]
    public string? P { get; init; }

    /// <summary>Private: RSA second prime factor.</summary>
    [JsonPropertyName("q")]
    public string? Q { get; init; }

    /// <summary>Private: RSA first factor CRT exponent.</summary>
    [JsonPropertyName("dp")]
    public string? DP { get; init; }

    /// <summary>Private: RSA second factor CRT exponent.</summary>
    [JsonPropertyName("dq")]
    public string? DQ { get; init; }

    /// <summary>Private: RSA first CRT coefficient.</summary>
    [JsonPropertyName("qi")]
    public string? QI { get; init; }

    /// <summary>Key identifier.</summary>
    [JsonPropertyName("kid")]
    public string? Kid { get; init; }

    /// <summary>Intended algorithm.</summary>
    [JsonPropertyName("alg")]
    public string? Alg { get; init; }

    /// <summary>Intended use (<c>sig</c>).</summary>
    [JsonPropertyName("use")]
    public string? Use { get; init; }

    /// <summary>True when any private member is present.</summary>
    [JsonIgnore]
    public bool HasPrivateMembers => D is not null || P is not null || Q is not null || DP is not null || DQ is not null || QI is not null;

    /// <summary>Parses a JWK from JSON text. Never throws on bad input.</summary>
    public static KeyImportResult<JsonWebKey> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json) || json.Length > MaxJsonLength)
        {
            return KeyImportResult<JsonWebKey>.Failure(KeyProblem.InvalidJwk, $"A JWK is a JSON object of at most {MaxJsonLength} characters.");
        }

        try
        {
            var jwk = JsonSerializer.Deserialize(json, KeysJsonContext.Default.JsonWebKey);
            return jwk is null
                ? KeyImportResult<JsonWebKey>.Failure(KeyProblem.InvalidJwk, "A JWK is a JSON object, not null.")
                : KeyImportResult<JsonWebKey>.Success(jwk);
        }
        catch (JsonException exception)
        {
            return KeyImportResult<JsonWebKey>.Failure(KeyProblem.InvalidJwk, "The JWK is not valid JSON of the expected shape: " + exception.Message);
        }
    }

    /// <summary>Writes the JWK as compact JSON (members that are null are left out).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, KeysJsonContext.Default.JsonWebKey);

    /// <summary>Returns the JWK without its private members.</summary>
    public JsonWebKey ToPublic() => this with { D = null, P = null, Q = null, DP = null, DQ = null, QI = null };

    /// <summary>Imports the public key this JWK describes (private members are ignored). Never throws on bad input.</summary>
    public KeyImportResult<VerificationKey> ToVerificationKey(Ed25519Implementation implementation = Ed25519Implementation.Auto)
    {
        switch (Kty)
        {
            case "OKP":
                if (!string.Equals(Crv, "Ed25519", StringComparison.Ordinal))
                {
                    return KeyImportResult<VerificationKey>.Failure(KeyProblem.UnsupportedKeyType, $"OKP curve '{Crv}' is not supported (Ed25519 is).");
                }

                var x = DecodeMember(X, "x", Ed25519VerificationKey.PublicKeySize);
                return x.Problem is { } px
                    ? KeyImportResult<VerificationKey>.Failure(px, x.Detail!)
                    : KeyImportResult<VerificationKey>.Success(Ed25519VerificationKey.FromPublicKey(x.Bytes, implementation));
            case "EC":
                if (!TryCurve(out var keyType, out var size))
                {
                    return KeyImportResult<VerificationKey>.Failure(KeyProblem.UnsupportedKeyType, $"EC curve '{Crv}' is not supported (P-256 and P-384 are).");
                }

                var ex = DecodeMember(X, "x", size);
                var ey = DecodeMember(Y, "y", size);
                if ((ex.Problem ?? ey.Problem) is { } pe)
                {
                    return KeyImportResult<VerificationKey>.Failure(pe, (ex.Detail ?? ey.Detail)!);
                }

                return EcdsaVerificationKey.ImportPoint(keyType, ex.Bytes, ey.Bytes);
            case "RSA":
                var n = DecodeMember(N, "n", null);
                var e = DecodeMember(E, "e", null);
                if ((n.Problem ?? e.Problem) is { } pr)
                {
                    return KeyImportResult<VerificationKey>.Failure(pr, (n.Detail ?? e.Detail)!);
                }

                return RsaVerificationKey.ImportParameters(n.Bytes, e.Bytes);
            default:
                return KeyImportResult<VerificationKey>.Failure(
                    Kty is null ? KeyProblem.InvalidJwk : KeyProblem.UnsupportedKeyType,
                    Kty is null ? "The JWK has no 'kty'." : $"Key type '{Kty}' is not supported (OKP, EC and RSA are).");
        }
    }

    /// <summary>
    /// Imports the private key this JWK describes; the public members must match it (<see cref="KeyProblem.KeyMismatch"/>).
    /// Never throws on bad input.
    /// </summary>
    public KeyImportResult<SigningKey> ToSigningKey(Ed25519Implementation implementation = Ed25519Implementation.Auto)
    {
        var publicKey = ToVerificationKey(implementation);
        if (!publicKey.Succeeded)
        {
            return publicKey.CastFailure<SigningKey>();
        }

        using var expectedPublic = publicKey.Key;
        if (D is null)
        {
            return KeyImportResult<SigningKey>.Failure(KeyProblem.InvalidJwk, "The JWK has no private member 'd'.");
        }

        KeyImportResult<SigningKey> imported;
        switch (expectedPublic.KeyType)
        {
            case KeyType.Ed25519:
                var seed = DecodeMember(D, "d", Ed25519SigningKey.SeedSize);
                if (seed.Problem is { } ps)
                {
                    return KeyImportResult<SigningKey>.Failure(ps, seed.Detail!);
                }

                imported = KeyImportResult<SigningKey>.Success(Ed25519SigningKey.FromSeed(seed.Bytes, implementation));
                CryptographicOperations.ZeroMemory(seed.Bytes);
                break;
            case KeyType.P256 or KeyType.P384:
                var scalar = DecodeMember(D, "d", EllipticCurve.For(expectedPublic.KeyType).FieldSize);
                if (scalar.Problem is { } pd)
                {
                    return KeyImportResult<SigningKey>.Failure(pd, scalar.Detail!);
                }

                imported = EcdsaSigningKey.ImportScalar(expectedPublic.KeyType, scalar.Bytes);
                CryptographicOperations.ZeroMemory(scalar.Bytes);
                break;
            default:
                imported = ToRsaSigningKey();
                break;
        }

        if (imported.Succeeded && !imported.Key.PublicKey.HasSamePublicKey(expectedPublic))
        {
            imported.Key.Dispose();
            return KeyImportResult<SigningKey>.Failure(KeyProblem.KeyMismatch, "The JWK's public members do not belong to its private key.");
        }

        return imported;
    }

    /// <summary>Describes the key without private members.</summary>
    public override string ToString() =>
        $"JsonWebKey {{ kty = {Kty}, crv = {Crv}, kid = {Kid}{(HasPrivateMembers ? ", private members hidden" : string.Empty)} }}";

    private KeyImportResult<SigningKey> ToRsaSigningKey()
    {
        var members = new[] { (N, "n"), (E, "e"), (D, "d"), (P, "p"), (Q, "q"), (DP, "dp"), (DQ, "dq"), (QI, "qi") };
        var bytes = new byte[members.Length][];
        try
        {
            for (var i = 0; i < members.Length; i++)
            {
                var decoded = DecodeMember(members[i].Item1, members[i].Item2, null);
                if (decoded.Problem is { } problem)
                {
                    return KeyImportResult<SigningKey>.Failure(problem, decoded.Detail!);
                }

                bytes[i] = decoded.Bytes;
            }

            // RSAParameters wants the private members at the modulus (or half-modulus) length.
            var modulus = bytes[0].AsSpan(Math.Max(0, bytes[0].AsSpan().IndexOfAnyExcept((byte)0))).ToArray();
            var half = (modulus.Length + 1) / 2;
            return RsaSigningKey.ImportParameters(new RSAParameters
            {
                Modulus = modulus,
                Exponent = bytes[1],
                D = Pad(bytes[2], modulus.Length),
                P = Pad(bytes[3], half),
                Q = Pad(bytes[4], half),
                DP = Pad(bytes[5], half),
                DQ = Pad(bytes[6], half),
                InverseQ = Pad(bytes[7], half),
            });
        }
        finally
        {
            foreach (var b in bytes)
            {
                CryptographicOperations.ZeroMemory(b);
            }
        }
    }

    private static byte[]? Pad(byte[] value, int length)
    {
        var start = value.AsSpan().IndexOfAnyExcept((byte)0);
        var significant = start < 0 ? [] : value.AsSpan(start);
        if (significant.Length > length)
        {
            return null;
        }

        var padded = new byte[length];
        significant.CopyTo(padded.AsSpan(length - significant.Length));
        return padded;
    }

    private bool TryCurve(out KeyType keyType, out int size)
    {
        (keyType, size) = Crv switch
        {
            "P-256" => (KeyType.P256, 32),
            "P-384" => (KeyType.P384, 48),
            _ => (KeyType.Rsa, 0),
        };
        return size != 0;
    }

    private static (byte[] Bytes, string? Problem, string? Detail) DecodeMember(string? value, string name, int? expectedLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return ([], KeyProblem.InvalidJwk, $"The JWK member '{name}' is missing.");
        }

        // RFC 7515 §2: base64url without padding; padding or the standard alphabet is malformed.
        if (value.Contains('=', StringComparison.Ordinal) || !Base64Url.IsValid(value, out var length))
        {
            return ([], KeyProblem.InvalidJwk, $"The JWK member '{name}' is not base64url.");
        }

        var bytes = new byte[length];
        if (Base64Url.DecodeFromChars(value, bytes) != length)
        {
            return ([], KeyProblem.InvalidJwk, $"The JWK member '{name}' is not base64url.");
        }

        if (expectedLength is { } expected && length != expected)
        {
            CryptographicOperations.ZeroMemory(bytes);
            return ([], KeyProblem.InvalidKeyLength, $"The JWK member '{name}' has {length} bytes, expected {expected}.");
        }

        return (bytes, null, null);
    }
}
