using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary>
/// <c>/console/{orgId}/members</c>: who belongs to the organization in which role. Admins add people by e-mail
/// address, change roles and remove members, with the API's rules (<see cref="MemberAdministration"/>).
/// </summary>
[Authorize]
[ConsoleRole(OrgRole.Viewer, Change = OrgRole.Admin)]
internal sealed class MembersPage(MembershipStore memberships, MemberAdministration administration) : PageModel
{
    public static readonly OrgRole[] Roles = [OrgRole.Viewer, OrgRole.Issuer, OrgRole.Admin, OrgRole.Owner];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; } = "issuer";

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<Membership> Members { get; private set; } = [];

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Members = await memberships.ListByOrganizationAsync(HttpContext.Console().OrganizationId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var console = HttpContext.Console();
        var (change, _) = await administration.AddAsync(console.OrganizationId, console.Role, Email?.Trim(), Role, cancellationToken);
        return await AnswerAsync(change, "added", cancellationToken);
    }

    public async Task<IActionResult> OnPostRoleAsync(string accountId, string role, CancellationToken cancellationToken)
    {
        var console = HttpContext.Console();
        var change = await administration.ChangeRoleAsync(console.OrganizationId, console.Role, accountId ?? "", role, cancellationToken);
        return await AnswerAsync(change, "role-changed", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string accountId, CancellationToken cancellationToken)
    {
        var console = HttpContext.Console();
        var change = await administration.RemoveAsync(console.OrganizationId, console.Role, accountId ?? "", cancellationToken);
        if (change.Result is MemberChangeResult.Done && accountId == console.AccountId)
        {
            return Redirect("/console");
        }

        return await AnswerAsync(change, "removed", cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(MemberChange change, string done, CancellationToken cancellationToken)
    {
        var organizationId = HttpContext.Console().OrganizationId;
        if (change.Result is MemberChangeResult.Done)
        {
            return Redirect($"/console/{organizationId}/members?done={done}");
        }

        Error = change.Detail;
        ErrorField = change.Field;
        Response.StatusCode = change.Result switch
        {
            MemberChangeResult.Invalid => StatusCodes.Status400BadRequest,
            MemberChangeResult.Forbidden => StatusCodes.Status403Forbidden,
            MemberChangeResult.NotAMember => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        };
        Members = await memberships.ListByOrganizationAsync(organizationId, cancellationToken);
        return Page();
    }
}
