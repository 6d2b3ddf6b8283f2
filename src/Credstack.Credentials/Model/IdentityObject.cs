// Open Badges 3.0 §B, IdentityObject and the IdentityHash derived type: "sha256$" (or "md5$") followed by
// the hexadecimal digest of UTF-8(identifier + salt), upper- or lower-case hex. Credstack emits SHA-256
// with a random salt; MD5 is only verified, for credentials issued elsewhere.
using System.Security.Cryptography;
using System.Text;

namespace Credstack.Credentials.Model;

/// <summary>An identifier of the recipient (an email address, a student id…), plain or salted-and-hashed.</summary>
public sealed record IdentityObject
{
    private const string Sha256Prefix = "sha256$";
    private const string Md5Prefix = "md5$";

    /// <summary>Always <c>IdentityObject</c>.</summary>
    public string Type { get; init; } = "IdentityObject";

    /// <summary>True when <see cref="IdentityHash"/> is a hash; false when it is the plain identifier.</summary>
    public required bool Hashed { get; init; }

    /// <summary>The identifier's hash (<c>sha256$…</c>) or, when not <see cref="Hashed"/>, the identifier itself.</summary>
    public required string IdentityHash { get; init; }

    /// <summary>An <see cref="IdentifierType"/> value (e.g. <c>emailAddress</c>) or an <c>ext:</c> term.</summary>
    public required string IdentityType { get; init; }

    /// <summary>The salt appended to the identifier before hashing.</summary>
    public string? Salt { get; init; }

    /// <summary>
    /// A hashed identity for an email address with a fresh 128-bit random salt. The address is hashed as given;
    /// normalize it (e.g. trim, lower-case) before calling if recipients may type it differently.
    /// </summary>
    public static IdentityObject ForEmailAddress(string emailAddress) => CreateHashed(IdentifierType.EmailAddress, emailAddress);

    /// <summary>A hashed identity of any type with a fresh 128-bit random salt.</summary>
    public static IdentityObject CreateHashed(string identityType, string identifier) =>
        CreateHashed(identityType, identifier, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    /// <summary>A hashed identity with the given salt.</summary>
    public static IdentityObject CreateHashed(string identityType, string identifier, string salt)
    {
        ArgumentNullException.ThrowIfNull(identityType);
        ArgumentNullException.ThrowIfNull(salt);
        return new() { Hashed = true, IdentityHash = ComputeSha256Hash(identifier, salt), IdentityType = identityType, Salt = salt };
    }

    /// <summary><c>"sha256$" + lower-case hex(SHA-256(UTF-8(identifier + salt)))</c>.</summary>
    public static string ComputeSha256Hash(string identifier, string? salt)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return Sha256Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identifier + salt)));
    }

    /// <summary>True when <paramref name="value"/> has the IdentityHash form: <c>sha256$</c> + 64 hex digits or <c>md5$</c> + 32.</summary>
    public static bool IsIdentityHash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return (value.StartsWith(Sha256Prefix, StringComparison.Ordinal) && IsHex(value.AsSpan(Sha256Prefix.Length), 64))
            || (value.StartsWith(Md5Prefix, StringComparison.Ordinal) && IsHex(value.AsSpan(Md5Prefix.Length), 32));
    }

    /// <summary>
    /// True when <paramref name="identifier"/> is the identity this object names: for a hashed identity, its salted
    /// hash equals <see cref="IdentityHash"/>; otherwise it equals the plain value. Comparisons take constant time.
    /// The identity type is not compared; check <see cref="IdentityType"/> first.
    /// </summary>
    public bool Matches(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (!Hashed)
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(IdentityHash), Encoding.UTF8.GetBytes(identifier));
        }

        if (!IsIdentityHash(IdentityHash))
        {
            return false;
        }

        var input = Encoding.UTF8.GetBytes(identifier + Salt);
        byte[] expected, actual;
        if (IdentityHash.StartsWith(Sha256Prefix, StringComparison.Ordinal))
        {
            expected = Convert.FromHexString(IdentityHash.AsSpan(Sha256Prefix.Length));
            actual = SHA256.HashData(input);
        }
        else
        {
            expected = Convert.FromHexString(IdentityHash.AsSpan(Md5Prefix.Length));
#pragma warning disable CA5351 // MD5 is one of the two IdentityHash algorithms OB 3.0 defines; only verified, never emitted.
            actual = MD5.HashData(input);
#pragma warning restore CA5351
        }

        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>True when this is an email address identity and <paramref name="emailAddress"/> matches it (see <see cref="Matches"/>).</summary>
    public bool MatchesEmailAddress(string emailAddress) =>
        string.Equals(IdentityType, IdentifierType.EmailAddress, StringComparison.Ordinal) && Matches(emailAddress);

    private static bool IsHex(ReadOnlySpan<char> text, int length)
    {
        if (text.Length != length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
