using Credstack.Credentials.Keys;
using Credstack.Server.Access;
using Credstack.Server.Issuers;
using Credstack.Server.Organizations;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Credstack.Server.Keys;

/// <summary>
/// An organization's signing keys: <c>/api/v1/orgs/{orgId}/keys</c>. Anyone in the organization
/// sees the public keys; owners and admins rotate (people only: an API token cannot).
/// Private keys are never returned by any endpoint.
/// </summary>
internal static class KeyEndpoints
{
    public static RouteGroupBuilder MapIssuerKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapOrgGroup("/keys", "Keys");
        group.MapGet("", ListAsync).WithName("ListIssuerKeys");
        group.MapPost("/rotate", RotateAsync).WithName("RotateIssuerKey").RequireOrgRole(OrgRole.Admin);
        return group;
    }

    private static async Task<Ok<IssuerKeyResponse[]>> ListAsync(OrgCaller caller, IssuerKeys keys, IssuerIdentity identity, CancellationToken cancellationToken)
    {
        var all = await keys.ListAsync(caller.OrganizationId, cancellationToken);
        return TypedResults.Ok(all.Select(k => IssuerKeyResponse.From(k, identity.VerificationMethodId(caller.OrganizationId, k.Fragment))).ToArray());
    }

    private static async Task<Results<Ok<IssuerKeyResponse>, ValidationProblem, ProblemHttpResult>> RotateAsync(
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] RotateKeyRequest? request,
        OrgCaller caller,
        IssuerKeys keys,
        IssuerIdentity identity,
        CancellationToken cancellationToken)
    {
        KeyType? keyType = KeyType.Ed25519;
        if (request?.KeyType is { } name && !IssuerKeyTypes.TryParse(name, out keyType))
        {
            return Problem.Validation("keyType", $"The key type is one of {string.Join(", ", IssuerKeyTypes.Names)}.");
        }

        var key = await keys.RotateAsync(caller.OrganizationId, keyType!.Value, cancellationToken);
        return key is null
            ? Problem.Conflict("Another rotation of this key type happened at the same moment; list the keys and try again if needed.")
            : TypedResults.Ok(IssuerKeyResponse.From(key, identity.VerificationMethodId(caller.OrganizationId, key.Fragment)));
    }
}
