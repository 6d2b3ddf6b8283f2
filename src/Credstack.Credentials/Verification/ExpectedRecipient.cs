// Open Badges 3.0 §8.1 step "recipient" (CHECKLIST §3.7): compare a known id with credentialSubject.id, or a known
// email (or other identifier) with each IdentityObject of the same identityType, hashing with its salt when hashed.
using System.Security.Cryptography;
using System.Text;
using Credstack.Credentials.Model;

namespace Credstack.Credentials.Verification;

/// <summary>The recipient a verification expects: an email address, a DID or a URL, with the forms each may take.</summary>
internal sealed class ExpectedRecipient
{
    private ExpectedRecipient(string value, string? email)
    {
        Value = value;
        Email = email;
    }

    public string Value { get; }

    /// <summary>The bare address when the recipient is an email address.</summary>
    public string? Email { get; }

    public static ExpectedRecipient Parse(string expected)
    {
        var value = expected.Trim();
        if (value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return new ExpectedRecipient(value, value["mailto:".Length..]);
        }

        var isEmail = value.Contains('@', StringComparison.Ordinal) && !value.Contains(':', StringComparison.Ordinal);
        return new ExpectedRecipient(value, isEmail ? value : null);
    }

    public bool MatchesId(string id) =>
        FixedTimeEquals(id, Value)
        || (Email is not null && id.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && FixedTimeEquals(id["mailto:".Length..], Email));

    /// <summary>An email address matches only an <c>emailAddress</c> identity; a DID or URL matches an identity of any other type.</summary>
    public bool Matches(IdentityObject identity)
    {
        if (Email is not null)
        {
            return string.Equals(identity.IdentityType, IdentifierType.EmailAddress, StringComparison.Ordinal) && identity.Matches(Email);
        }

        return !string.Equals(identity.IdentityType, IdentifierType.EmailAddress, StringComparison.Ordinal) && identity.Matches(Value);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
