// RFC 6749 §4.1.1 (authorization request) and §4.1.2.1 (its errors), with RFC 7636 §4.3 (PKCE parameters) and
// Open Badges 3.0 §7.1.2.1 (PKCE MUST be used). Errors about the client or the redirect URI are shown to the person,
// never redirected (§4.1.2.1: the redirect URI cannot be trusted then); every other error goes back to the client.
// Deviation from RFC 6749 (following the 1EdTech Security Framework): state and redirect_uri are required.
using Microsoft.AspNetCore.WebUtilities;

namespace Credstack.Server.OAuth;

/// <summary>A checked authorization request: the client, where to send the answer, what is asked for, and the PKCE challenge.</summary>
internal sealed record AuthorizationRequest(OAuthClient Client, string RedirectUri, IReadOnlyList<string> Scopes, string State, string CodeChallenge)
{
    /// <summary>Checks the query of <c>GET /oauth/authorize</c>.</summary>
    public static async Task<AuthorizationRequestOutcome> ParseAsync(IQueryCollection query, OAuthClientStore clients, CancellationToken cancellationToken)
    {
        if (Single(query, "client_id") is not { Length: > 0 and <= 100 } clientId)
        {
            return Page("The request names no client (client_id is missing, repeated or too long).");
        }

        var client = await clients.FindAsync(clientId, cancellationToken);
        if (client is null)
        {
            return Page("The application asking for access is not registered here.");
        }

        if (Single(query, "redirect_uri") is not { Length: > 0 } redirectUri || !client.HasRedirectUri(redirectUri))
        {
            return Page("The redirect_uri is missing or is not one the application registered, so the answer cannot be sent back safely.");
        }

        var state = Single(query, "state");
        if (query.Any(p => p.Value.Count > 1))
        {
            return Redirect(redirectUri, state, OAuthError.InvalidRequest, "A parameter appears more than once.");
        }

        if (string.IsNullOrEmpty(state) || state.Length > 500)
        {
            return Redirect(redirectUri, null, OAuthError.InvalidRequest, "state is required (at most 500 characters).");
        }

        if (Single(query, "response_type") != "code")
        {
            return Redirect(redirectUri, state, OAuthError.UnsupportedResponseType, "response_type must be 'code'.");
        }

        var requested = OAuthScopes.Parse(Single(query, "scope"));
        var registered = client.ScopeList;
        if (requested.FirstOrDefault(s => !registered.Contains(s, StringComparer.Ordinal)) is { } unknown)
        {
            return Redirect(redirectUri, state, OAuthError.InvalidScope, $"The scope '{(unknown.Length > 100 ? unknown[..100] : unknown)}' is unknown or was not registered by the client.");
        }

        if (Single(query, "code_challenge_method") != Pkce.S256)
        {
            return Redirect(redirectUri, state, OAuthError.InvalidRequest, "PKCE is required with code_challenge_method=S256; 'plain' is not accepted.");
        }

        if (Single(query, "code_challenge") is not { } challenge || !Pkce.IsValidChallenge(challenge))
        {
            return Redirect(redirectUri, state, OAuthError.InvalidRequest, "code_challenge must be the 43-character base64url SHA-256 of the code_verifier.");
        }

        // RFC 6749 §3.3: an omitted scope gets the server's default, here everything the client registered.
        return new AuthorizationRequestOutcome(new AuthorizationRequest(client, redirectUri, requested.Count > 0 ? requested : registered, state, challenge), null, null);
    }

    /// <summary>The redirect URI with an error (RFC 6749 §4.1.2.1) and the state, if there was one.</summary>
    public static string ErrorUrl(string redirectUri, string? state, string error, string description)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal) { ["error"] = error, ["error_description"] = description };
        if (!string.IsNullOrEmpty(state))
        {
            parameters["state"] = state;
        }

        return QueryHelpers.AddQueryString(redirectUri, parameters);
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static AuthorizationRequestOutcome Page(string message) => new(null, message, null);

    private static AuthorizationRequestOutcome Redirect(string redirectUri, string? state, string error, string description) =>
        new(null, null, ErrorUrl(redirectUri, state, error, description));
}
