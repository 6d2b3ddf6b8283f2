using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Credstack.Server.OAuth;

/// <summary>
/// What the consent page asks about, sealed with data protection into a hidden form field, so the
/// approve/deny POST needs no server-side state and cannot be forged: the ticket names the account it
/// was shown to (a ticket from another session is refused) and expires after <see cref="OAuthOptions.ConsentLifetime"/>.
/// </summary>
internal sealed record ConsentTicket(string AccountId, string ClientId, string RedirectUri, string Scope, string State, string CodeChallenge, DateTimeOffset ExpiresAt)
{
    private const string Purpose = "Credstack.OAuth.ConsentTicket.v1";

    public string Protect(IDataProtectionProvider protection) =>
        protection.CreateProtector(Purpose).Protect(JsonSerializer.Serialize(this));

    /// <summary>The ticket in <paramref name="text"/>; null when it was tampered with, is not a ticket, or comes from another key ring.</summary>
    public static ConsentTicket? Unprotect(IDataProtectionProvider protection, string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 8000)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ConsentTicket>(protection.CreateProtector(Purpose).Unprotect(text));
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
