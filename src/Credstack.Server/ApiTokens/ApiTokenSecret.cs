using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Credstack.Server.ApiTokens;

/// <summary>
/// The API token format, <c>cst_&lt;id&gt;_&lt;secret&gt;</c>: the id finds the stored row, the
/// 256-bit secret is checked against its stored SHA-256 in constant time. The prefix lets secret
/// scanners recognise leaked tokens.
/// </summary>
internal static class ApiTokenSecret
{
    public const string Prefix = "cst_";
    private const int SecretBytes = 32;

    /// <summary>A new token for the row <paramref name="tokenId"/>, and the hash to store.</summary>
    public static (string Token, string SecretHash) Create(string tokenId)
    {
        Span<byte> secret = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(secret);
        var encoded = Base64Url.EncodeToString(secret);
        CryptographicOperations.ZeroMemory(secret);
        return ($"{Prefix}{tokenId}_{encoded}", Hash(encoded));
    }

    /// <summary>Splits a presented token into its id and secret; false when it is not in the format.</summary>
    public static bool TryParse(string token, [NotNullWhen(true)] out string? tokenId, [NotNullWhen(true)] out string? secret)
    {
        tokenId = secret = null;
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return false;
        }

        var rest = token.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator <= 0 || separator == rest.Length - 1)
        {
            return false;
        }

        tokenId = rest[..separator].ToString();
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
