using Credstack.Server.Organizations;

namespace Credstack.Server.Access;

/// <summary>
/// The one way to map organization-scoped endpoints. <see cref="MapOrgGroup"/> gives a route group
/// under <c>/api/v1/orgs/{orgId}</c> that requires an authenticated caller and runs
/// <see cref="OrgAccessFilter"/> (members with <see cref="OrgRole.Viewer"/>+, tokens with
/// <c>read</c>, unless an endpoint says otherwise with <see cref="RequireOrgRole{TBuilder}"/>).
/// </summary>
internal static class OrgAccess
{
    public const string Prefix = "/api/v1/orgs/{" + OrgAccessFilter.RouteParameter + "}";

    /// <summary>A route group at <c>/api/v1/orgs/{orgId}</c> + <paramref name="path"/>, isolated per organization.</summary>
    public static RouteGroupBuilder MapOrgGroup(this IEndpointRouteBuilder app, string path, string tag)
    {
        var group = app.MapGroup(Prefix + path).WithTags(tag);
        group.RequireAuthorization();
        group.WithMetadata(new OrgAccessRequirement(OrgRole.Viewer, ApiTokens.ApiScopes.Read));
        group.AddEndpointFilter<OrgAccessFilter>();
        group.ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>
    /// Sets the least member role for an endpoint (or group) and the scope an API token needs;
    /// with no <paramref name="tokenScope"/>, API tokens are refused (403).
    /// </summary>
    public static TBuilder RequireOrgRole<TBuilder>(this TBuilder builder, OrgRole role, string? tokenScope = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OrgAccessRequirement(role, tokenScope));
}
