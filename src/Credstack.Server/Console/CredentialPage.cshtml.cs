using Credstack.Server.Achievements;
using Credstack.Server.Awards;
using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary><c>/console/{orgId}/credentials/{awardId}</c>: one issued credential, its state and history, its public page, and the changes it can take.</summary>
[Authorize]
[ConsoleRole(OrgRole.Viewer)]
internal sealed class CredentialPage(AwardStore awards, AchievementStore achievements) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Issued { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Changed { get; set; }

    public Award Award { get; private set; } = null!;

    public string AchievementName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string awardId, CancellationToken cancellationToken)
    {
        var organizationId = HttpContext.Console().OrganizationId;
        if (await awards.FindAsync(organizationId, awardId, cancellationToken) is not { } award)
        {
            return NotFound();
        }

        Award = award;
        var achievement = await achievements.FindAsync(organizationId, award.AchievementId, award.AchievementVersion, cancellationToken);
        AchievementName = achievement?.ReadDefinition().Name ?? award.AchievementId;
        return Page();
    }
}
