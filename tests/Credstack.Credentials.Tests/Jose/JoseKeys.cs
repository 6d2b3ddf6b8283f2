using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Jose;

/// <summary>One key of each type, made once per test run (RSA generation is slow); tests never dispose them.</summary>
internal static class JoseKeys
{
    private static readonly Lazy<SigningKey> RsaKey = new(() => SigningKey.Generate(KeyType.Rsa));
    private static readonly Lazy<SigningKey> P256Key = new(() => SigningKey.Generate(KeyType.P256));
    private static readonly Lazy<SigningKey> P384Key = new(() => SigningKey.Generate(KeyType.P384));
    private static readonly Lazy<SigningKey> Ed25519Key = new(() => SigningKey.Generate(KeyType.Ed25519));

    public static SigningKey For(KeyType type) => type switch
    {
        KeyType.Rsa => RsaKey.Value,
        KeyType.P256 => P256Key.Value,
        KeyType.P384 => P384Key.Value,
        _ => Ed25519Key.Value,
    };
}
