using System.Diagnostics.CodeAnalysis;
using Credstack.Credentials.Keys;

namespace Credstack.Server.Keys;

/// <summary>The wire and database names of issuer key types: <c>Ed25519</c>, <c>P-256</c>, <c>P-384</c>, <c>RSA</c>.</summary>
internal static class IssuerKeyTypes
{
    public static IReadOnlyList<string> Names { get; } = ["Ed25519", "P-256", "P-384", "RSA"];

    public static string ToName(this KeyType keyType) => keyType switch
    {
        KeyType.Ed25519 => "Ed25519",
        KeyType.P256 => "P-256",
        KeyType.P384 => "P-384",
        KeyType.Rsa => "RSA",
        _ => throw new ArgumentOutOfRangeException(nameof(keyType), keyType, null),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out KeyType? keyType)
    {
        keyType = name switch
        {
            "Ed25519" => KeyType.Ed25519,
            "P-256" => KeyType.P256,
            "P-384" => KeyType.P384,
            "RSA" => KeyType.Rsa,
            _ => null,
        };
        return keyType is not null;
    }

    public static KeyType Parse(string name) =>
        TryParse(name, out var keyType) ? keyType.Value : throw new FormatException($"unknown issuer key type '{name}'");
}
