using System.Security.Claims;
using Credstack.Server.Access;
using Credstack.Server.Accounts;
using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary><c>/console</c>: the organizations the signed-in person belongs to, and a form to create an issuer organization.</summary>
[Authorize]
internal sealed class ConsoleHomePage(MembershipStore memberships, OrganizationStore organizations) : PageModel
{
    public IReadOnlyList<Membership> Memberships { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (AccountId is not { } accountId)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Memberships = await memberships.ListByAccountAsync(accountId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (AccountId is not { } accountId)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (AccountValidation.Name(Name, "name") is { } error)
        {
            Error = error;
            Memberships = await memberships.ListByAccountAsync(accountId, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var organization = await organizations.CreateAsync(Name!.Trim(), OrganizationKind.Issuer, accountId, cancellationToken);
        return Redirect("/console/" + organization.Id);
    }

    private string? AccountId => User.FindFirstValue(CredstackClaims.AccountId);
}
