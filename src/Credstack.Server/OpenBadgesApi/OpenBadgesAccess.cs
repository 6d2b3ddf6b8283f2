using Credstack.Server.Access;
using Microsoft.AspNetCore.Authorization;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>How an Open Badges API endpoint states the OAuth scope it needs (OB 3.0 §6.2.1).</summary>
internal static class OpenBadgesAccess
{
    /// <summary>
    /// Requires an access token (and nothing else: not a session, not an API token) carrying
    /// <paramref name="scope"/>; a token without it is answered 403 insufficient_scope.
    /// </summary>
    public static TBuilder RequireOpenBadgesScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .RequireAuthorization(new AuthorizationPolicyBuilder(OpenBadgesAuthenticationHandler.SchemeName).RequireClaim(CredstackClaims.Scope, scope).Build())
            .WithMetadata(new OpenBadgesScopeRequirement(scope));
}
