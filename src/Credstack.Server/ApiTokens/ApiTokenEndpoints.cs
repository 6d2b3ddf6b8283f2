using Credstack.Server.Access;
using Credstack.Server.Organizations;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.ApiTokens;

/// <summary>An organization's API tokens: <c>/api/v1/orgs/{orgId}/tokens</c>, for admins (people only: a token cannot mint tokens).</summary>
internal static class ApiTokenEndpoints
{
    public static RouteGroupBuilder MapApiTokens(this IEndpointRouteBuilder app)
    {
        var group = app.MapOrgGroup("/tokens", "API tokens").RequireOrgRole(OrgRole.Admin);
        group.MapPost("", CreateAsync).WithName("CreateApiToken");
        group.MapGet("", ListAsync).WithName("ListApiTokens");
        group.MapDelete("/{tokenId}", RevokeAsync).WithName("RevokeApiToken");
        return group;
    }

    private static async Task<Results<Created<CreatedApiTokenResponse>, ValidationProblem>> CreateAsync(
        CreateApiTokenRequest request, OrgCaller caller, ApiTokenStore tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Accounts.AccountEndpoints.AddError(errors, "name", Accounts.AccountValidation.Name(request.Name, "name"));
        var scopes = request.Scopes ?? [];
        if (scopes.Count == 0)
        {
            errors["scopes"] = [$"Give at least one scope: {string.Join(", ", ApiScopes.All.Order(StringComparer.Ordinal))}."];
        }
        else if (scopes.FirstOrDefault(s => !ApiScopes.All.Contains(s)) is { } unknown)
        {
            errors["scopes"] = [$"Unknown scope '{unknown}'; the scopes are {string.Join(", ", ApiScopes.All.Order(StringComparer.Ordinal))}."];
        }

        if (request.ExpiresAt is { } expiresAt && expiresAt <= time.GetUtcNow())
        {
            errors["expiresAt"] = ["The expiry must be in the future."];
        }

        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var (row, token) = await tokens.CreateAsync(caller.OrganizationId, request.Name!.Trim(), scopes, caller.AccountId, request.ExpiresAt, cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{caller.OrganizationId}/tokens/{row.Id}", new CreatedApiTokenResponse(ApiTokenResponse.From(row), token));
    }

    private static async Task<Ok<ApiTokenResponse[]>> ListAsync(OrgCaller caller, ApiTokenStore tokens, CancellationToken cancellationToken)
    {
        var rows = await tokens.ListAsync(caller.OrganizationId, cancellationToken);
        return TypedResults.Ok(rows.Select(ApiTokenResponse.From).ToArray());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string tokenId, OrgCaller caller, ApiTokenStore tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(caller.OrganizationId, tokenId, cancellationToken)
            ? TypedResults.NoContent()
            : Problem.NotFound("The organization has no API token with this id.");
}
