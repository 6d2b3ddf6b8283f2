using Credstack.Server.Access;
using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.Delivery;

/// <summary>
/// <c>GET /api/v1/orgs/{orgId}/outbox</c>: the development outbox of the organization's mail
/// (admins, people only). Empty when SMTP is configured: then mail is sent, not kept.
/// </summary>
internal static class OutboxEndpoints
{
    public static RouteGroupBuilder MapOutbox(this IEndpointRouteBuilder app)
    {
        var group = app.MapOrgGroup("/outbox", "Delivery").RequireOrgRole(OrgRole.Admin);
        group.MapGet("", ListAsync).WithName("ListOutbox");
        return group;
    }

    private static async Task<Ok<OutboxMessage[]>> ListAsync(OrgCaller caller, OutboxEmailSender outbox, int? limit, CancellationToken cancellationToken)
    {
        var rows = await outbox.ListAsync(caller.OrganizationId, Math.Clamp(limit ?? 50, 1, 200), cancellationToken);
        return TypedResults.Ok(rows.ToArray());
    }
}
