using System.Security.Claims;
using Credstack.Server.Access;
using Credstack.Server.Accounts;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.Organizations;

/// <summary>Organizations: create and list (<c>/api/v1/orgs</c>), and read one (<c>/api/v1/orgs/{orgId}</c>).</summary>
internal static class OrganizationEndpoints
{
    public static IEndpointRouteBuilder MapOrganizations(this IEndpointRouteBuilder app)
    {
        var all = app.MapGroup("/api/v1/orgs").WithTags("Organizations").RequireAuthorization();
        all.ProducesProblem(StatusCodes.Status401Unauthorized);
        all.MapPost("", CreateAsync).WithName("CreateOrganization").ProducesProblem(StatusCodes.Status403Forbidden);
        all.MapGet("", ListAsync).WithName("ListOrganizations");

        var one = app.MapOrgGroup("", "Organizations");
        one.MapGet("", GetAsync).WithName("GetOrganization");
        return app;
    }

    private static async Task<Results<Created<OrganizationResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateOrganizationRequest request, ClaimsPrincipal user, OrganizationStore organizations, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(CredstackClaims.AccountId) is not { } accountId)
        {
            return Problem.Forbidden("Organizations are created by a signed-in person, who becomes their owner; API tokens cannot.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        AccountEndpoints.AddError(errors, "name", AccountValidation.Name(request.Name, "name"));
        var kind = request.Kind ?? OrganizationKind.Issuer;
        AccountEndpoints.AddError(errors, "kind", OrganizationKind.IsKnown(kind) ? null : "The kind is 'issuer' or 'employer'.");
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var organization = await organizations.CreateAsync(request.Name!.Trim(), kind, accountId, cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organization.Id}", OrganizationResponse.From(organization, OrgRole.Owner));
    }

    private static async Task<Ok<OrganizationResponse[]>> ListAsync(
        ClaimsPrincipal user, OrganizationStore organizations, MembershipStore memberships, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(CredstackClaims.AccountId) is { } accountId)
        {
            var mine = await memberships.ListByAccountAsync(accountId, cancellationToken);
            var found = new List<OrganizationResponse>(mine.Count);
            foreach (var membership in mine)
            {
                if (await organizations.FindAsync(membership.OrganizationId, cancellationToken) is { } organization)
                {
                    found.Add(OrganizationResponse.From(organization, membership.OrgRole));
                }
            }

            return TypedResults.Ok(found.ToArray());
        }

        // An API token sees the one organization it acts for.
        var tokenOrganization = user.FindFirstValue(CredstackClaims.OrganizationId);
        var own = tokenOrganization is null ? null : await organizations.FindAsync(tokenOrganization, cancellationToken);
        return TypedResults.Ok(own is null ? [] : new[] { OrganizationResponse.From(own, null) });
    }

    private static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> GetAsync(
        OrgCaller caller, OrganizationStore organizations, CancellationToken cancellationToken)
    {
        var organization = await organizations.FindAsync(caller.OrganizationId, cancellationToken);
        return organization is null
            ? Problem.NotFound($"No organization '{caller.OrganizationId}' was found.")
            : TypedResults.Ok(OrganizationResponse.From(organization, caller.Role));
    }
}
