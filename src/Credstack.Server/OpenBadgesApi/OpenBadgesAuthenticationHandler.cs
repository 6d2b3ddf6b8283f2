// RFC 6750 (bearer tokens): §2.1 the Authorization header, §3 the WWW-Authenticate challenge with
// error="invalid_token" (401) or error="insufficient_scope" and the scope needed (403). The bodies are
// Imsx_StatusInfo, as Open Badges 3.0 §6.2 asks of every Open Badges API error.
using System.Security.Claims;
using System.Text.Encodings.Web;
using Credstack.Server.Access;
using Credstack.Server.OAuth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>
/// Authenticates OAuth 2.0 access tokens (<c>csa_…</c>) for the Open Badges API: a known, unexpired,
/// unrevoked token becomes a principal with the person's id (<c>sub</c>), the client's id and one
/// <c>scope</c> claim per granted scope. This scheme is never the default: only endpoints whose policy
/// names it (<see cref="OpenBadgesAccess.RequireOpenBadgesScope{TBuilder}"/>) accept these tokens, so
/// an access token a person gave a wallet cannot reach the rest of the API.
/// </summary>
internal sealed class OpenBadgesAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OAuthTokenStore tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "credstack-oauth";
    public const string ClientIdClaim = "client_id";

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.FindAsync(header[BearerPrefix.Length..].Trim(), OAuthToken.Access, Context.RequestAborted);
        if (token is null || !token.IsUsableAt(TimeProvider.GetUtcNow()))
        {
            // One answer for unknown, wrong, revoked and expired tokens: the caller learns nothing about which.
            return AuthenticateResult.Fail("unknown, revoked or expired access token");
        }

        List<Claim> claims =
        [
            new(CredstackClaims.AccountId, token.AccountId),
            new(ClientIdClaim, token.ClientId),
            .. token.ScopeList.Select(scope => new Claim(CredstackClaims.Scope, scope)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, CredstackClaims.AccountId, null));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (result.Failure is null)
        {
            Response.Headers.WWWAuthenticate = "Bearer realm=\"credstack\"";
            await WriteAsync(ImsxStatusInfo.UnauthorizedRequest, "Send an OAuth 2.0 access token as 'Authorization: Bearer …' (OB 3.0 §7.1.3).");
        }
        else
        {
            Response.Headers.WWWAuthenticate = "Bearer realm=\"credstack\", error=\"invalid_token\", error_description=\"The access token is unknown, revoked or expired.\"";
            await WriteAsync(ImsxStatusInfo.UnauthorizedRequest, "The access token is unknown, revoked or expired.");
        }
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var scope = Context.GetEndpoint()?.Metadata.GetMetadata<OpenBadgesScopeRequirement>()?.Scope ?? "";
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.Headers.WWWAuthenticate = $"Bearer realm=\"credstack\", error=\"insufficient_scope\", scope=\"{scope}\"";
        await WriteAsync(ImsxStatusInfo.Forbidden, $"insufficient_scope: this operation needs the scope {scope}.");
    }

    private Task WriteAsync(string codeMinor, string description) =>
        Response.WriteAsJsonAsync(ImsxStatusInfo.Create(codeMinor, description), Context.RequestAborted);
}
