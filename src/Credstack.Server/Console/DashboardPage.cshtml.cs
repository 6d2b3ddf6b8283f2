using Credstack.Server.Organizations;
using Credstack.Server.Sharing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary><c>/console/{orgId}</c>: the organization at a glance: credentials issued, claimed, viewed, verified, revoked, and issuance over the last 30 days.</summary>
[Authorize]
[ConsoleRole(OrgRole.Viewer)]
internal sealed class DashboardPage(ConsoleStatistics statistics, AwardSharingStore sharing) : PageModel
{
    public const int Days = 30;

    public AwardTotals Totals { get; private set; } = new(0, 0, 0, 0, 0);

    public SharingActivity Activity { get; private set; } = new(0, 0, 0);

    public IssuanceChart Chart { get; private set; } = new([]);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organizationId = HttpContext.Console().OrganizationId;
        Totals = await statistics.TotalsAsync(organizationId, cancellationToken);
        Activity = await sharing.ActivityAsync(organizationId, cancellationToken);
        Chart = new IssuanceChart(await statistics.IssuedPerDayAsync(organizationId, Days, cancellationToken));
    }
}
