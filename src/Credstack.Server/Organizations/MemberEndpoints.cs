using Credstack.Server.Access;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.Organizations;

/// <summary>Members of an organization: <c>/api/v1/orgs/{orgId}/members</c>. Managing members is for people (admins), not API tokens.</summary>
internal static class MemberEndpoints
{
    public static RouteGroupBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var group = app.MapOrgGroup("/members", "Members");
        group.MapGet("", ListAsync).WithName("ListMembers");
        group.MapPost("", AddAsync).WithName("AddMember").RequireOrgRole(OrgRole.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{accountId}", RemoveAsync).WithName("RemoveMember").RequireOrgRole(OrgRole.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Ok<MemberResponse[]>> ListAsync(OrgCaller caller, MembershipStore memberships, CancellationToken cancellationToken)
    {
        var members = await memberships.ListByOrganizationAsync(caller.OrganizationId, cancellationToken);
        return TypedResults.Ok(members.Select(MemberResponse.From).ToArray());
    }

    private static async Task<Results<Created<MemberResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        AddMemberRequest request, OrgCaller caller, MemberAdministration administration, MembershipStore memberships, CancellationToken cancellationToken)
    {
        var (change, accountId) = await administration.AddAsync(caller.OrganizationId, caller.Role, request.Email, request.Role, cancellationToken);
        if (change.Result is MemberChangeResult.Invalid)
        {
            return Problem.Validation(change.Field!, change.Detail!);
        }

        if (change.Result is not MemberChangeResult.Done)
        {
            return ToProblem(change);
        }

        var membership = await memberships.FindAsync(caller.OrganizationId, accountId!, cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{caller.OrganizationId}/members/{accountId}", MemberResponse.From(membership!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string accountId, OrgCaller caller, MemberAdministration administration, CancellationToken cancellationToken)
    {
        var change = await administration.RemoveAsync(caller.OrganizationId, caller.Role, accountId, cancellationToken);
        return change.Result is MemberChangeResult.Done ? TypedResults.NoContent() : ToProblem(change);
    }

    private static ProblemHttpResult ToProblem(MemberChange change) => change.Result switch
    {
        MemberChangeResult.Forbidden => Problem.Forbidden(change.Detail!),
        MemberChangeResult.NotAMember => Problem.NotFound(change.Detail!),
        _ => Problem.Conflict(change.Detail!),
    };
}
