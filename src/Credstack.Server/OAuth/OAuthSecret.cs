using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Credstack.Server.OAuth;

/// <summary>
/// The opaque strings the authorization server hands out: <c>&lt;prefix&gt;&lt;id&gt;_&lt;secret&gt;</c>,
/// the same shape as API tokens (<see cref="ApiTokens.ApiTokenSecret"/>) with a prefix per kind. The id
/// finds the row; the 256-bit secret is checked against its stored SHA-256 in constant time.
/// Client secrets are the bare secret part (the client_id travels beside them).
/// </summary>
internal static class OAuthSecret
{
    public const string AccessTokenPrefix = "csa_";
    public const string RefreshTokenPrefix = "csr_";
    public const string AuthorizationCodePrefix = "csc_";

    private const int SecretBytes = 32;

    /// <summary>A new random secret (base64url) and the hash to store.</summary>
    public static (string Secret, string Hash) CreateSecret()
    {
        Span<byte> secret = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(secret);
        var encoded = Base64Url.EncodeToString(secret);
        CryptographicOperations.ZeroMemory(secret);
        return (encoded, Hash(encoded));
    }

    /// <summary>A new token for the row <paramref name="id"/>, and the hash to store.</summary>
    public static (string Token, string Hash) Create(string prefix, string id)
    {
        var (secret, hash) = CreateSecret();
        return ($"{prefix}{id}_{secret}", hash);
    }

    /// <summary>Splits a presented token of the kind <paramref name="prefix"/> into id and secret; false when it is not one.</summary>
    public static bool TryParse(string? token, string prefix, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out string? secret)
    {
        id = secret = null;
        if (token is null || token.Length > 200 || !token.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = token.AsSpan(prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator <= 0 || separator == rest.Length - 1)
        {
            return false;
        }

        id = rest[..separator].ToString();
        secret = rest[(separator + 1)..].ToString();
        return true;
    }

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string secret, string storedHash)
    {
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        if (Convert.FromHexString(storedHash, expected, out _, out var written) != System.Buffers.OperationStatus.Done || written != expected.Length)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(secret), actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
