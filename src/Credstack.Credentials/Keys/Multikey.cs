// Multikey: Controlled Identifiers 1.0 §2.2.2 (W3C) and the Data Integrity cryptosuites
// (vc-di-eddsa §2.1.1, vc-di-ecdsa §2.1.1). publicKeyMultibase / secretKeyMultibase =
// "z" + base58btc(varint multicodec + key bytes). EC public keys are SEC1 compressed points.
using System.Security.Cryptography;
using SimpleBase;

namespace Credstack.Credentials.Keys;

/// <summary>Imports keys from their Multikey (<c>publicKeyMultibase</c> / <c>secretKeyMultibase</c>) form.</summary>
public static class Multikey
{
    // Room for every key Credstack writes (2-byte prefix + 49-byte P-384 point) with plenty to spare.
    private const int MaxEncodedKeyLength = 128;

    // Longer text is refused before decoding; it still covers the multicodec key types Credstack
    // does not support (RSA-4096 is ~760 characters), so those get a precise problem code.
    private const int MaxMultibaseLength = 2048;

    /// <summary>
    /// Imports a public key from <c>publicKeyMultibase</c> (ed25519-pub, p256-pub, p384-pub). Never throws on bad
    /// input: the result carries a <see cref="KeyProblem"/> code.
    /// </summary>
    public static KeyImportResult<VerificationKey> ImportPublicKey(string? publicKeyMultibase, Ed25519Implementation implementation = Ed25519Implementation.Auto)
    {
        var decoded = Decode(publicKeyMultibase, out var codec, out var keyBytes);
        if (decoded is not null)
        {
            return KeyImportResult<VerificationKey>.Failure(decoded.Value.Problem, decoded.Value.Detail);
        }

        switch (codec)
        {
            case Multicodec.Ed25519Public:
                if (keyBytes.Length != Ed25519VerificationKey.PublicKeySize)
                {
                    return LengthFailure<VerificationKey>(codec, Ed25519VerificationKey.PublicKeySize, keyBytes.Length);
                }

                return KeyImportResult<VerificationKey>.Success(Ed25519VerificationKey.FromPublicKey(keyBytes, implementation));
            case Multicodec.P256Public:
            case Multicodec.P384Public:
                var keyType = codec == Multicodec.P256Public ? KeyType.P256 : KeyType.P384;
                var expected = 1 + EllipticCurve.For(keyType).FieldSize;
                if (keyBytes.Length != expected)
                {
                    return LengthFailure<VerificationKey>(codec, expected, keyBytes.Length);
                }

                return EcdsaVerificationKey.ImportCompressed(keyType, keyBytes);
            default:
                return KeyImportResult<VerificationKey>.Failure(
                    KeyProblem.UnsupportedKeyType,
                    $"The multicodec {Multicodec.Name(codec)} is not a supported public key type (ed25519-pub, p256-pub, p384-pub).");
        }
    }

    /// <summary>
    /// Imports a private key from <c>secretKeyMultibase</c> (ed25519-priv: the 32-byte seed; p256-priv / p384-priv:
    /// the scalar). The public key is derived from it. Never throws on bad input.
    /// </summary>
    public static KeyImportResult<SigningKey> ImportSecretKey(string? secretKeyMultibase, Ed25519Implementation implementation = Ed25519Implementation.Auto)
    {
        var decoded = Decode(secretKeyMultibase, out var codec, out var keyBytes);
        try
        {
            if (decoded is not null)
            {
                return KeyImportResult<SigningKey>.Failure(decoded.Value.Problem, decoded.Value.Detail);
            }

            switch (codec)
            {
                case Multicodec.Ed25519Private:
                    if (keyBytes.Length != Ed25519SigningKey.SeedSize)
                    {
                        return LengthFailure<SigningKey>(codec, Ed25519SigningKey.SeedSize, keyBytes.Length);
                    }

                    return KeyImportResult<SigningKey>.Success(Ed25519SigningKey.FromSeed(keyBytes, implementation));
                case Multicodec.P256Private:
                case Multicodec.P384Private:
                    var keyType = codec == Multicodec.P256Private ? KeyType.P256 : KeyType.P384;
                    var expected = EllipticCurve.For(keyType).FieldSize;
                    if (keyBytes.Length != expected)
                    {
                        return LengthFailure<SigningKey>(codec, expected, keyBytes.Length);
                    }

                    return EcdsaSigningKey.ImportScalar(keyType, keyBytes);
                default:
                    return KeyImportResult<SigningKey>.Failure(
                        KeyProblem.UnsupportedKeyType,
                        $"The multicodec {Multicodec.Name(codec)} is not a supported secret key type (ed25519-priv, p256-priv, p384-priv).");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keyBytes);
        }
    }

    /// <summary>
    /// Imports a key pair stored as both Multikey values and checks that the public key belongs to the secret
    /// (<see cref="KeyProblem.KeyMismatch"/> otherwise).
    /// </summary>
    public static KeyImportResult<SigningKey> ImportKeyPair(string? publicKeyMultibase, string? secretKeyMultibase, Ed25519Implementation implementation = Ed25519Implementation.Auto)
    {
        var secret = ImportSecretKey(secretKeyMultibase, implementation);
        if (!secret.Succeeded)
        {
            return secret;
        }

        var publicKey = ImportPublicKey(publicKeyMultibase, implementation);
        if (!publicKey.Succeeded)
        {
            secret.Key.Dispose();
            return publicKey.CastFailure<SigningKey>();
        }

        using (publicKey.Key)
        {
            if (!publicKey.Key.HasSamePublicKey(secret.Key.PublicKey))
            {
                secret.Key.Dispose();
                return KeyImportResult<SigningKey>.Failure(KeyProblem.KeyMismatch, "The public key does not belong to the secret key.");
            }
        }

        return secret;
    }

    internal static string Encode(ulong codec, ReadOnlySpan<byte> keyBytes)
    {
        Span<byte> buffer = stackalloc byte[MaxEncodedKeyLength];
        var prefix = Multicodec.WriteVarint(codec, buffer);
        keyBytes.CopyTo(buffer[prefix..]);
        var payload = buffer[..(prefix + keyBytes.Length)];
        try
        {
            return "z" + Base58.Bitcoin.Encode(payload);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Splits a base58btc multibase value into its multicodec and key bytes, or returns the problem.</summary>
    internal static (string Problem, string Detail)? Decode(string? multibase, out ulong codec, out byte[] keyBytes)
    {
        codec = 0;
        keyBytes = [];
        if (string.IsNullOrEmpty(multibase) || multibase[0] != 'z')
        {
            return (KeyProblem.InvalidMultibase, "A Multikey value must be multibase base58btc, starting with 'z'.");
        }

        var text = multibase.AsSpan(1);
        if (text.IsEmpty || text.Length > MaxMultibaseLength)
        {
            return (KeyProblem.InvalidMultibase, $"A Multikey value must have between 1 and {MaxMultibaseLength} base58 characters.");
        }

        var size = Base58.Bitcoin.GetSafeByteCountForDecoding(text);
        Span<byte> buffer = size <= 256 ? stackalloc byte[size] : new byte[size];
        try
        {
            if (!Base58.Bitcoin.TryDecode(text, buffer, out var length))
            {
                return (KeyProblem.InvalidMultibase, "The value contains characters outside the base58btc alphabet.");
            }

            var payload = buffer[..length];
            if (!Multicodec.TryReadVarint(payload, out codec, out var prefixLength))
            {
                return (KeyProblem.UnsupportedKeyType, "The value does not start with a valid multicodec varint.");
            }

            keyBytes = payload[prefixLength..].ToArray();
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    private static KeyImportResult<TKey> LengthFailure<TKey>(ulong codec, int expected, int actual)
        where TKey : class =>
        KeyImportResult<TKey>.Failure(KeyProblem.InvalidKeyLength, $"A {Multicodec.Name(codec)} key has {expected} bytes, not {actual}.");
}
