// RFC 7636 (Proof Key for Code Exchange): §4.1 code_verifier syntax, §4.2 the S256 transformation, §4.6 the check.
// Only S256 is accepted: "plain" protects nothing against an attacker who sees the authorization request.
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Credstack.Server.OAuth;

/// <summary>Checks PKCE challenges and verifiers.</summary>
internal static class Pkce
{
    public const string S256 = "S256";

    /// <summary>A S256 challenge is BASE64URL(SHA-256(verifier)) without padding: 43 characters.</summary>
    public static bool IsValidChallenge(string? challenge) =>
        challenge is { Length: 43 } && challenge.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>code-verifier = 43*128unreserved (§4.1).</summary>
    public static bool IsValidVerifier(string? verifier) =>
        verifier is { Length: >= 43 and <= 128 } && verifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');

    /// <summary>True when <paramref name="verifier"/> is well formed and its S256 transformation equals <paramref name="challenge"/> (constant time).</summary>
    public static bool Verify(string? verifier, string challenge)
    {
        if (!IsValidVerifier(verifier))
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes(verifier!), digest);
        Span<byte> computed = stackalloc byte[43];
        Base64Url.EncodeToUtf8(digest, computed);
        return CryptographicOperations.FixedTimeEquals(computed, Encoding.ASCII.GetBytes(challenge));
    }

    /// <summary>The S256 challenge of <paramref name="verifier"/> (clients and tests make it this way).</summary>
    public static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
}
