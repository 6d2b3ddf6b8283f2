using Credstack.Server.Achievements;
using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary><c>/console/{orgId}/achievements</c>: the organization's achievements as badges; issuer staff archive and restore them.</summary>
[Authorize]
[ConsoleRole(OrgRole.Viewer, Change = OrgRole.Issuer)]
internal sealed class AchievementsPage(AchievementStore achievements) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Archived { get; set; }

    public IReadOnlyList<(AchievementVersion Version, AchievementDefinition Definition)> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await achievements.ListAsync(HttpContext.Console().OrganizationId, Archived, cancellationToken);
        Items = [.. rows.Select(r => (r, r.ReadDefinition()))];
    }

    public Task<IActionResult> OnPostArchiveAsync(string achievementId, CancellationToken cancellationToken) => SetArchivedAsync(achievementId, true, cancellationToken);

    public Task<IActionResult> OnPostUnarchiveAsync(string achievementId, CancellationToken cancellationToken) => SetArchivedAsync(achievementId, false, cancellationToken);

    private async Task<IActionResult> SetArchivedAsync(string achievementId, bool archived, CancellationToken cancellationToken)
    {
        var organizationId = HttpContext.Console().OrganizationId;
        if (!await achievements.SetArchivedAsync(organizationId, achievementId ?? "", archived, cancellationToken))
        {
            return NotFound();
        }

        return Redirect($"/console/{organizationId}/achievements" + (archived ? "?archived=true" : ""));
    }
}
