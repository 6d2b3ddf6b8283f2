using System.Globalization;
using Credstack.Server.Achievements;
using Credstack.Server.Awards;
using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary><c>/console/{orgId}/credentials</c>: the credentials the organization issued, searched and filtered (a GET form), a page at a time.</summary>
[Authorize]
[ConsoleRole(OrgRole.Viewer)]
internal sealed class CredentialsPage(CredentialSearch search, AchievementStore achievements) : PageModel
{
    public static readonly string[] Statuses = [AwardStatuses.Active, AwardStatuses.Suspended, AwardStatuses.Revoked, AwardStatuses.Expired];

    [BindProperty(SupportsGet = true)]
    public string? AchievementId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Recipient { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(Name = "pageNumber", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Award> Awards { get; private set; } = [];

    public long Total { get; private set; }

    public int Pages => (int)Math.Max(1, (Total + CredentialSearch.PageSize - 1) / CredentialSearch.PageSize);

    public IReadOnlyDictionary<string, string> AchievementNames { get; private set; } = new Dictionary<string, string>();

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organizationId = HttpContext.Console().OrganizationId;
        var all = await achievements.ListAsync(organizationId, true, cancellationToken);
        AchievementNames = all.ToDictionary(a => a.Id, a => a.ReadDefinition().Name ?? a.Id, StringComparer.Ordinal);

        var from = ParseDay(From, "From");
        var to = ParseDay(To, "To");
        if (Status is { Length: > 0 } && !Statuses.Contains(Status, StringComparer.Ordinal))
        {
            Errors.Add("Choose a status from the list.");
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var filter = new CredentialFilter(
            string.IsNullOrWhiteSpace(AchievementId) ? null : AchievementId.Trim(),
            string.IsNullOrWhiteSpace(Recipient) ? null : Recipient.Trim(),
            string.IsNullOrWhiteSpace(Status) ? null : Status,
            from,
            to);
        (Awards, Total) = await search.SearchAsync(organizationId, filter, PageNumber, cancellationToken);
    }

    /// <summary>The query string of this search at another page.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["achievementId"] = AchievementId,
            ["recipient"] = Recipient,
            ["status"] = Status,
            ["from"] = From,
            ["to"] = To,
            ["pageNumber"] = page.ToString(CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private DateOnly? ParseDay(string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        Errors.Add($"“{label}” is a date such as 2026-01-31.");
        return null;
    }
}
