using System.Net.Mail;

namespace Credstack.Server.Accounts;

/// <summary>The rules for e-mail addresses, passwords and names; each returns an error sentence or null.</summary>
internal static class AccountValidation
{
    public const int MinPasswordLength = 10;

    // Long passphrases are welcome; megabyte "passwords" only burn PBKDF2 time.
    public const int MaxPasswordLength = 256;

    public static string? Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "An e-mail address is required.";
        }

        var trimmed = email.Trim();
        return trimmed.Length <= 254 && MailAddress.TryCreate(trimmed, out var parsed) && string.Equals(parsed.Address, trimmed, StringComparison.Ordinal)
            ? null
            : "This is not an e-mail address.";
    }

    public static string? Password(string? password) => password switch
    {
        null or "" => "A password is required.",
        { Length: < MinPasswordLength } => $"The password must have at least {MinPasswordLength} characters.",
        { Length: > MaxPasswordLength } => $"The password may have at most {MaxPasswordLength} characters.",
        _ => null,
    };

    public static string? Name(string? name, string what) => string.IsNullOrWhiteSpace(name)
        ? $"A {what} is required."
        : name.Trim().Length > 200 ? $"The {what} may have at most 200 characters." : null;
}
