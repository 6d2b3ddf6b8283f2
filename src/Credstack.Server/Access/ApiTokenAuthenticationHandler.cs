using System.Security.Claims;
using System.Text.Encodings.Web;
using Credstack.Server.ApiTokens;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Access;

/// <summary>
/// Authenticates <c>Authorization: Bearer cst_…</c> API tokens: finds the row by the token's id,
/// compares the secret's SHA-256 in constant time, refuses revoked and expired tokens, and records
/// the last use. Its challenge and forbid answers are problem documents.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenStore tokens,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header[BearerPrefix.Length..].Trim();
        if (!ApiTokenSecret.TryParse(presented, out var tokenId, out var secret))
        {
            return AuthenticateResult.Fail("not a Credstack API token");
        }

        var token = await tokens.FindAsync(tokenId, Context.RequestAborted);
        if (token is null || !ApiTokenSecret.Matches(secret, token.SecretHash) || !token.IsUsableAt(TimeProvider.GetUtcNow()))
        {
            // One answer for unknown, wrong, revoked and expired: the caller learns nothing about which.
            return AuthenticateResult.Fail("unknown, revoked or expired API token");
        }

        await tokens.TouchAsync(token, Context.RequestAborted);
        List<Claim> claims =
        [
            new(CredstackClaims.TokenId, token.Id),
            new(CredstackClaims.OrganizationId, token.OrganizationId),
            .. token.ScopeList.Select(scope => new Claim(CredstackClaims.Scope, scope)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, CredstackClaims.TokenId, null));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await WriteProblemAsync(Context, problems, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized,
            result.Failure is null ? "Sign in, or send an API token as 'Authorization: Bearer cst_…'." : "The API token is unknown, revoked or expired.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(Context, problems, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "This API token may not do this.");

    /// <summary>Writes a 401/403 problem; shared with the session cookie's events.</summary>
    public static async Task WriteProblemAsync(HttpContext context, IProblemDetailsService problems, int status, string type, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new() { Status = status, Type = type, Detail = detail },
        });
    }
}
