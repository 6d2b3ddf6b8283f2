using Credstack.Server.Achievements;
using Credstack.Server.Awards;
using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary>
/// <c>/console/{orgId}/award</c>: award one badge to an e-mail address or a DID, with a narrative and an evidence URL,
/// through <see cref="AwardIssuer"/> (the API's rules); on success the issued credential's page.
/// </summary>
[Authorize]
[ConsoleRole(OrgRole.Issuer)]
internal sealed class AwardPage(AchievementStore achievements, AwardIssuer issuer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? AchievementId { get; set; }

    [BindProperty]
    public string? Recipient { get; set; }

    [BindProperty]
    public string? Narrative { get; set; }

    [BindProperty]
    public string? EvidenceUrl { get; set; }

    [BindProperty]
    public bool Notify { get; set; } = true;

    public IReadOnlyList<(string Id, string Name)> Achievements { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var console = HttpContext.Console();
        var recipient = Recipient?.Trim() ?? "";
        var request = new AwardRequest(
            AchievementId,
            null,
            recipient.Length == 0 ? null : recipient.StartsWith("did:", StringComparison.Ordinal) ? new AwardRecipientRequest(Did: recipient) : new AwardRecipientRequest(Email: recipient),
            string.IsNullOrWhiteSpace(Narrative) ? null : Narrative.Trim(),
            string.IsNullOrWhiteSpace(EvidenceUrl) ? null : [new AwardEvidenceRequest(Id: EvidenceUrl.Trim())],
            Notify: Notify);
        var outcome = await issuer.IssueAsync(console.OrganizationId, request, console.AccountId, cancellationToken);
        if (outcome.Result is AwardIssueResult.Issued)
        {
            return Redirect($"/console/{console.OrganizationId}/credentials/{outcome.Award!.Id}?issued=true");
        }

        if (outcome.Errors is { } errors)
        {
            foreach (var (key, messages) in errors)
            {
                var field = key switch
                {
                    "achievementId" or "achievementVersion" => "achievementId",
                    "narrative" => "narrative",
                    _ when key.StartsWith("evidence", StringComparison.Ordinal) => "evidenceUrl",
                    _ => "recipient",
                };
                Errors.TryAdd(field, messages[0]);
            }

            if (request.Recipient is null)
            {
                Errors["recipient"] = "Enter the recipient's e-mail address or DID.";
            }
        }
        else
        {
            Errors["achievementId"] = outcome.Detail ?? "The credential could not be issued.";
        }

        Response.StatusCode = outcome.Result switch
        {
            AwardIssueResult.Invalid or AwardIssueResult.AchievementNotFound => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status409Conflict,
        };
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await achievements.ListAsync(HttpContext.Console().OrganizationId, false, cancellationToken);
        Achievements = [.. rows.Select(r => (r.Id, r.ReadDefinition().Name ?? r.Id))];
    }
}
