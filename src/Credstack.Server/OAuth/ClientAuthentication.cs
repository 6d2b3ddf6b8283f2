// RFC 6749 §2.3.1: client_secret_basic, HTTP Basic with the client_id and client_secret each form-urlencoded
// before they are joined with ':' and base64-encoded. The only method Open Badges 3.0 §7.1.2.3 uses.
using System.Text;
using Credstack.Server.Hosting;

namespace Credstack.Server.OAuth;

/// <summary>Authenticates the client calling the token and revocation endpoints.</summary>
internal sealed class ClientAuthentication(OAuthClientStore clients)
{
    private const string BasicPrefix = "Basic ";

    /// <summary>The client whose id and secret are in the Authorization header; null for a missing, malformed or wrong one.</summary>
    public async Task<OAuthClient?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string? header = request.Headers.Authorization;
        if (header is null || header.Length > 1000 || !header.StartsWith(BasicPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[BasicPrefix.Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var clientId = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
        var secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
        if (!RequestText.IsStorable(clientId))
        {
            return null;
        }

        var client = await clients.FindAsync(clientId, cancellationToken);
        return client is not null && OAuthSecret.Matches(secret, client.SecretHash) ? client : null;
    }
}
