// JWS algorithm names, RFC 7518 §3.1 and RFC 8037 §3.1. The key decides the algorithm; the header only
// has to agree with it (RFC 8725 §3.1, "Perform Algorithm Verification").
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Jose;

internal static class JoseAlgorithms
{
    /// <summary>The asymmetric algorithms Credstack signs and verifies with.</summary>
    public static readonly IReadOnlySet<string> Implemented = new HashSet<string>(StringComparer.Ordinal) { "EdDSA", "ES256", "ES384", "RS256" };

    // Registered signature algorithms that are legitimate but have no key type in Credstack.Credentials.Keys.
    private static readonly HashSet<string> Registered = new(StringComparer.Ordinal)
    {
        "ES512", "ES256K", "RS384", "RS512", "PS256", "PS384", "PS512", "Ed25519", "Ed448",
    };

    public static bool IsRegisteredButUnsupported(string alg) => Registered.Contains(alg);

    public static string For(KeyType keyType) => keyType switch
    {
        KeyType.Ed25519 => "EdDSA",
        KeyType.P256 => "ES256",
        KeyType.P384 => "ES384",
        KeyType.Rsa => "RS256",
        _ => throw new ArgumentOutOfRangeException(nameof(keyType), keyType, "Unknown key type."),
    };
}
