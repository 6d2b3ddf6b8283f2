using Credstack.Server.Access;
using Credstack.Server.Accounts;
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
        AddMemberRequest request, OrgCaller caller, AccountStore accounts, MembershipStore memberships, CancellationToken cancellationToken)
    {
        if (!OrgRoles.TryParse(request.Role, out var role))
        {
            return Problem.Validation("role", "The role is one of owner, admin, issuer, viewer.");
        }

        if (AccountValidation.Email(request.Email) is { } emailError)
        {
            return Problem.Validation("email", emailError);
        }

        if (role == OrgRole.Owner && caller.Role != OrgRole.Owner)
        {
            return Problem.Forbidden("Only an owner can make someone an owner.");
        }

        var account = await accounts.FindByEmailAsync(request.Email!, cancellationToken);
        if (account is null)
        {
            return Problem.Validation("email", "No account has this e-mail address; the person signs up first.");
        }

        if (!await memberships.AddAsync(caller.OrganizationId, account.Id, role.Value, cancellationToken))
        {
            return Problem.Conflict("This account is already a member of the organization.");
        }

        var membership = await memberships.FindAsync(caller.OrganizationId, account.Id, cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{caller.OrganizationId}/members/{account.Id}", MemberResponse.From(membership!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string accountId, OrgCaller caller, MembershipStore memberships, CancellationToken cancellationToken)
    {
        var target = await memberships.FindRoleAsync(caller.OrganizationId, accountId, cancellationToken);
        if (target is null)
        {
            return Problem.NotFound("This account is not a member of the organization.");
        }

        if (target == OrgRole.Owner && caller.Role != OrgRole.Owner)
        {
            return Problem.Forbidden("Only an owner can remove an owner.");
        }

        return await memberships.RemoveAsync(caller.OrganizationId, accountId, cancellationToken) switch
        {
            MemberRemoval.Removed => TypedResults.NoContent(),
            MemberRemoval.LastOwner => Problem.Conflict("This is the organization's last owner; make someone else an owner first."),
            _ => Problem.NotFound("This account is not a member of the organization."),
        };
    }
}
