using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Credstack.Server.Access;
using Credstack.Server.ApiTokens;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.VcApi;

/// <summary>
/// Who may issue and change status through the VC-API: an organization's API token with the
/// <see cref="ApiScopes.AwardsWrite"/> scope; it acts for its own organization. The VC-API routes carry no organization,
/// so a signed-in person (who may belong to several) uses the organization's own endpoints instead.
/// </summary>
internal static class VcApiCaller
{
    public static bool TryResolve(ClaimsPrincipal user, [NotNullWhen(true)] out string? organizationId, [NotNullWhen(false)] out ProblemHttpResult? refusal)
    {
        organizationId = user.FindFirstValue(CredstackClaims.OrganizationId);
        if (user.FindFirstValue(CredstackClaims.TokenId) is null || organizationId is null)
        {
            organizationId = null;
            refusal = Problem.Forbidden($"The VC-API issues as an organization: send an API token of the organization with the '{ApiScopes.AwardsWrite}' scope.");
            return false;
        }

        if (!user.FindAll(CredstackClaims.Scope).Any(c => string.Equals(c.Value, ApiScopes.AwardsWrite, StringComparison.Ordinal)))
        {
            organizationId = null;
            refusal = Problem.Forbidden($"This API token lacks the scope this operation needs ({ApiScopes.AwardsWrite}).");
            return false;
        }

        refusal = null;
        return true;
    }

    /// <summary>What issued records name as their issuer: <c>token:</c> and the API token's id.</summary>
    public static string IssuedBy(ClaimsPrincipal user) => "token:" + user.FindFirstValue(CredstackClaims.TokenId);
}
