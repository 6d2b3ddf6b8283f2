// RFC 6749 §4.1.3-4.1.4 (authorization code exchange) with RFC 7636 §4.5-4.6 (PKCE), §6 (refreshing) with
// refresh-token rotation and replay detection as the OAuth 2.0 Security BCP (RFC 9700 §4.14.2) describes it.
using Microsoft.Extensions.Options;

namespace Credstack.Server.OAuth;

/// <summary>Turns a grant (a code, a refresh token) into tokens, or says which RFC 6749 error it is.</summary>
internal sealed class TokenGrants(AuthorizationCodeStore codes, OAuthTokenStore tokens, IOptions<OAuthOptions> options, TimeProvider time)
{
    private const string GrantRefused = "The authorization code is invalid, expired, already used, or was issued to another client or redirect URI.";

    public async Task<(TokenResponse? Response, OAuthError? Error)> ExchangeCodeAsync(
        OAuthClient client, string? presentedCode, string? redirectUri, string? codeVerifier, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presentedCode) || string.IsNullOrEmpty(redirectUri) || string.IsNullOrEmpty(codeVerifier))
        {
            return Fail(OAuthError.InvalidRequest, "code, redirect_uri and code_verifier are required.");
        }

        if (!OAuthSecret.TryParse(presentedCode, OAuthSecret.AuthorizationCodePrefix, out var id, out var secret))
        {
            return Fail(OAuthError.InvalidGrant, GrantRefused);
        }

        var code = await codes.FindAsync(id, cancellationToken);
        if (code is null || !OAuthSecret.Matches(secret, code.SecretHash) || code.ClientId != client.Id)
        {
            return Fail(OAuthError.InvalidGrant, GrantRefused);
        }

        var now = time.GetUtcNow();
        if (!await codes.TryUseAsync(code.Id, now, cancellationToken))
        {
            // RFC 6749 §4.1.2: a code used twice SHOULD revoke the tokens already issued from it; someone else may hold them.
            await tokens.RevokeGrantAsync(code.GrantId, cancellationToken);
            return Fail(OAuthError.InvalidGrant, GrantRefused);
        }

        // The code is spent before the remaining checks, so a wrong verifier cannot be retried against it.
        if (code.ExpiresAt <= now || !string.Equals(code.RedirectUri, redirectUri, StringComparison.Ordinal))
        {
            return Fail(OAuthError.InvalidGrant, GrantRefused);
        }

        if (!Pkce.Verify(codeVerifier, code.CodeChallenge))
        {
            return Fail(OAuthError.InvalidGrant, "The code_verifier does not match the code_challenge of the authorization request (PKCE, RFC 7636 §4.6).");
        }

        return (await IssueAsync(client, code.GrantId, code.AccountId, code.Scope, code.Scope, cancellationToken), null);
    }

    public async Task<(TokenResponse? Response, OAuthError? Error)> RefreshAsync(
        OAuthClient client, string? presentedToken, string? scope, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presentedToken))
        {
            return Fail(OAuthError.InvalidRequest, "refresh_token is required.");
        }

        const string refused = "The refresh token is invalid, expired, revoked, or was issued to another client.";
        var token = await tokens.FindAsync(presentedToken, OAuthToken.Refresh, cancellationToken);
        if (token is null || token.ClientId != client.Id || token.RevokedAt is not null || token.ExpiresAt <= time.GetUtcNow())
        {
            return Fail(OAuthError.InvalidGrant, refused);
        }

        if (token.UsedAt is not null || !await tokens.TryUseAsync(token.Id, cancellationToken))
        {
            // A rotated refresh token came back: either the client or a thief holds a copy, and the server cannot tell which.
            await tokens.RevokeGrantAsync(token.GrantId, cancellationToken);
            return Fail(OAuthError.InvalidGrant, refused);
        }

        var granted = token.ScopeList;
        var requested = OAuthScopes.Parse(scope);
        if (requested.FirstOrDefault(s => !granted.Contains(s, StringComparer.Ordinal)) is { } extra)
        {
            await tokens.RevokeAsync(token.Id, cancellationToken);
            return Fail(OAuthError.InvalidScope, $"The scope '{extra}' was not granted; a refresh may only narrow the scope.");
        }

        var accessScope = requested.Count > 0 ? OAuthScopes.Join(requested) : token.Scope;
        // RFC 6749 §6: the new refresh token keeps the scope of the one it replaces.
        return (await IssueAsync(client, token.GrantId, token.AccountId, accessScope, token.Scope, cancellationToken), null);
    }

    private async Task<TokenResponse> IssueAsync(OAuthClient client, string grantId, string accountId, string accessScope, string refreshScope, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (_, access) = await tokens.CreateAsync(OAuthToken.Access, grantId, client.Id, accountId, accessScope, settings.AccessTokenLifetime, cancellationToken);
        string? refresh = null;
        if (client.MayRefresh)
        {
            (_, refresh) = await tokens.CreateAsync(OAuthToken.Refresh, grantId, client.Id, accountId, refreshScope, settings.RefreshTokenLifetime, cancellationToken);
        }

        return new TokenResponse(access, "Bearer", (long)settings.AccessTokenLifetime.TotalSeconds, refresh, accessScope);
    }

    private static (TokenResponse?, OAuthError?) Fail(string error, string description) => (null, new OAuthError(error, description));
}
