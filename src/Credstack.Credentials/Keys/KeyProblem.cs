namespace Credstack.Credentials.Keys;

/// <summary>Stable codes for key material that cannot be imported; they appear in verification reports.</summary>
public static class KeyProblem
{
    /// <summary>The text is not multibase base58btc (<c>z…</c>) or contains characters outside the alphabet.</summary>
    public const string InvalidMultibase = "invalid-multibase";

    /// <summary>The multicodec prefix is missing, malformed, or names a key type Credstack does not support.</summary>
    public const string UnsupportedKeyType = "unsupported-key-type";

    /// <summary>The key bytes have the wrong length for their declared type.</summary>
    public const string InvalidKeyLength = "invalid-key-length";

    /// <summary>An elliptic-curve public key is not a point on its curve, or a private scalar is out of range.</summary>
    public const string InvalidPoint = "invalid-point";

    /// <summary>The JSON Web Key is malformed, misses a required member, or has members of the wrong form.</summary>
    public const string InvalidJwk = "invalid-jwk";

    /// <summary>An RSA key is shorter than 2048 bits.</summary>
    public const string KeyTooSmall = "key-too-small";

    /// <summary>A public key given beside a private key does not belong to it.</summary>
    public const string KeyMismatch = "key-mismatch";
}
