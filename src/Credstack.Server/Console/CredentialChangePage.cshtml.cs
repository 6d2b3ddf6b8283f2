using Credstack.Server.Achievements;
using Credstack.Server.Awards;
using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary>
/// <c>/console/{orgId}/credentials/{awardId}/{change}</c> (revoke, suspend, reinstate, renew): the confirmation step,
/// with the reason to record; the change happens only when the form is submitted (<see cref="CredentialChanger"/>).
/// </summary>
[Authorize]
[ConsoleRole(OrgRole.Issuer)]
internal sealed class CredentialChangePage(AwardStore awards, AchievementStore achievements, CredentialChanger changer) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public Award Award { get; private set; } = null!;

    public string Change { get; private set; } = "";

    public string AchievementName { get; private set; } = "";

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string awardId, string change, CancellationToken cancellationToken) =>
        await LoadAsync(awardId, change, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string awardId, string change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(awardId, change, cancellationToken))
        {
            return NotFound();
        }

        var console = HttpContext.Console();
        var outcome = await changer.ApplyAsync(console.OrganizationId, Award, Change, Reason, console.AccountId, cancellationToken);
        if (outcome.AwardId is { } next)
        {
            return Redirect($"/console/{console.OrganizationId}/credentials/{next}?changed={CredentialChanger.Past(Change)}");
        }

        Error = outcome.Problem;
        Response.StatusCode = outcome.Status;
        return Page();
    }

    private async Task<bool> LoadAsync(string awardId, string change, CancellationToken cancellationToken)
    {
        var organizationId = HttpContext.Console().OrganizationId;
        if (!CredentialChange.All.Contains(change, StringComparer.Ordinal) || await awards.FindAsync(organizationId, awardId, cancellationToken) is not { } award)
        {
            return false;
        }

        Award = award;
        Change = change;
        var achievement = await achievements.FindAsync(organizationId, award.AchievementId, award.AchievementVersion, cancellationToken);
        AchievementName = achievement?.ReadDefinition().Name ?? award.AchievementId;
        return true;
    }
}
