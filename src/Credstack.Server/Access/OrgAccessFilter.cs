using System.Security.Claims;
using Credstack.Server.Organizations;
using Credstack.Server.Problems;

namespace Credstack.Server.Access;

/// <summary>
/// Tenant isolation, in one place: for every endpoint under <c>/api/v1/orgs/{orgId}</c> it resolves
/// the caller's membership (or token) for that organization. Someone outside the organization gets
/// 404, the same answer as for an organization that does not exist, so ids reveal nothing; a member
/// or token without enough rights gets 403. Anonymous callers never get here (401 from authorization).
/// </summary>
internal sealed class OrgAccessFilter(MembershipStore memberships) : IEndpointFilter
{
    public const string RouteParameter = "orgId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var organizationId = http.GetRouteValue(RouteParameter) as string ?? "";
        var requirements = http.GetEndpoint()?.Metadata.GetOrderedMetadata<OrgAccessRequirement>() ?? [];
        var requirement = requirements.Count > 0
            ? requirements[^1]
            : throw new InvalidOperationException("an organization endpoint has no OrgAccessRequirement; map it through MapOrgGroup");

        var caller = await ResolveAsync(http.User, organizationId, http.RequestAborted);
        if (caller is null)
        {
            return Problem.NotFound($"No organization '{organizationId}' was found.");
        }

        if (!Allows(requirement, caller))
        {
            return Problem.Forbidden(caller.IsToken
                ? $"This API token lacks the scope this operation needs ({requirement.TokenScope ?? "not available to API tokens"})."
                : $"This operation needs the {requirement.MinimumRole.ToName()} role or higher in the organization.");
        }

        for (var i = 0; i < context.Arguments.Count; i++)
        {
            if (context.Arguments[i] is OrgCaller)
            {
                context.Arguments[i] = caller;
            }
        }

        return await next(context);
    }

    /// <summary>The role matrix: a member needs the requirement's role, a token its scope (none: tokens are refused). The console's pages use it too.</summary>
    internal static bool Allows(OrgAccessRequirement requirement, OrgCaller caller) => caller.IsToken
        ? requirement.TokenScope is { } scope && caller.Scopes.Contains(scope)
        : caller.Role >= requirement.MinimumRole;

    /// <summary>The caller for the organization: a member with their role, a token of that organization, or null (outside it, or no such organization).</summary>
    internal async Task<OrgCaller?> ResolveAsync(ClaimsPrincipal user, string organizationId, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(CredstackClaims.TokenId) is { } tokenId)
        {
            var tokenOrganization = user.FindFirstValue(CredstackClaims.OrganizationId);
            return string.Equals(tokenOrganization, organizationId, StringComparison.Ordinal)
                ? new OrgCaller(organizationId, null, null, tokenId, user.FindAll(CredstackClaims.Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal))
                : null;
        }

        if (user.FindFirstValue(CredstackClaims.AccountId) is { } accountId)
        {
            var role = await memberships.FindRoleAsync(organizationId, accountId, cancellationToken);
            return role is null ? null : new OrgCaller(organizationId, accountId, role, null, new HashSet<string>(StringComparer.Ordinal));
        }

        return null;
    }
}
