// RFC 6750 (bearer tokens): §2.1 the Authorization header, §3 the WWW-Authenticate challenge with
// error="invalid_token" (401) or error="insufficient_scope" and the scope needed (403); bodies are
// Imsx_StatusInfo as Open Badges 3.0 §6.2 asks.
using Credstack.Server.OAuth;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>
/// Checks the OAuth access token of every Open Badges API operation: a known, unexpired, unrevoked token
/// with the scope the endpoint names (<see cref="OpenBadgesScopeRequirement"/>). Session cookies and
/// organization API tokens are not accepted here: this API acts for a person through a client they approved.
/// </summary>
internal sealed class OpenBadgesAccessFilter(OAuthTokenStore tokens, TimeProvider time) : IEndpointFilter
{
    private const string BearerPrefix = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var requirements = http.GetEndpoint()?.Metadata.GetOrderedMetadata<OpenBadgesScopeRequirement>() ?? [];
        var scope = requirements.Count > 0
            ? requirements[^1].Scope
            : throw new InvalidOperationException("an Open Badges API endpoint has no OpenBadgesScopeRequirement");

        string? header = http.Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"credstack\"";
            return ImsxStatusInfo.Failure(StatusCodes.Status401Unauthorized, ImsxStatusInfo.UnauthorizedRequest,
                "Send an OAuth 2.0 access token as 'Authorization: Bearer …' (OB 3.0 §7.1.3).");
        }

        var token = await tokens.FindAsync(header[BearerPrefix.Length..].Trim(), OAuthToken.Access, http.RequestAborted);
        if (token is null || !token.IsUsableAt(time.GetUtcNow()))
        {
            // One answer for unknown, wrong, revoked and expired tokens: the caller learns nothing about which.
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"credstack\", error=\"invalid_token\", error_description=\"The access token is unknown, revoked or expired.\"";
            return ImsxStatusInfo.Failure(StatusCodes.Status401Unauthorized, ImsxStatusInfo.UnauthorizedRequest, "The access token is unknown, revoked or expired.");
        }

        if (!token.ScopeList.Contains(scope, StringComparer.Ordinal))
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"credstack\", error=\"insufficient_scope\", scope=\"{scope}\"";
            return ImsxStatusInfo.Failure(StatusCodes.Status403Forbidden, ImsxStatusInfo.Forbidden,
                $"insufficient_scope: this operation needs the scope {scope}.");
        }

        for (var i = 0; i < context.Arguments.Count; i++)
        {
            if (context.Arguments[i] is OpenBadgesCaller)
            {
                context.Arguments[i] = new OpenBadgesCaller(token.AccountId, token.ClientId);
            }
        }

        return await next(context);
    }
}
