using Credstack.Server.Achievements;
using Credstack.Server.Issuers;
using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary>
/// <c>/console/{orgId}/achievements/{achievementId}</c> (<c>new</c> to create): the achievement form with a badge
/// preview beside it. "Preview" re-renders the preview from the form without saving; "Save" creates the achievement or
/// adds a version. Viewers see the preview only.
/// </summary>
[Authorize]
[ConsoleRole(OrgRole.Viewer, Change = OrgRole.Issuer)]
[RequestSizeLimit(ImageEndpoints.MaxImageBytes + (1024 * 1024))]
internal sealed class AchievementEditPage(AchievementStore achievements, AchievementEditor editor, IssuerIdentity identity) : PageModel
{
    public const string New = "new";

    public string AchievementId => RouteData.Values["achievementId"] as string ?? "";

    public AchievementForm Form { get; private set; } = new() { ExpiryKind = ExpiryPolicy.None };

    public AchievementDefinition? Preview { get; private set; }

    public AchievementVersion? Current { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public bool IsNew => AchievementId == New;

    public string? ImageUrl => Preview?.ImageId is { } imageId && imageId != "pending-upload" ? identity.ImageUrl(HttpContext.Console().OrganizationId, imageId) : null;

    public string? ErrorFor(string field) => Errors.Where(e => AchievementForm.FieldFor(e.Key) == field).Select(e => e.Value[0]).FirstOrDefault();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!IsNew)
        {
            Current = await achievements.FindAsync(HttpContext.Console().OrganizationId, AchievementId, null, cancellationToken);
            if (Current is null)
            {
                return NotFound();
            }

            Preview = Current.ReadDefinition();
            Form = AchievementForm.From(Preview);
        }

        Form.Compact();
        return Page();
    }

    public Task<IActionResult> OnPostPreviewAsync(IFormFile? image, CancellationToken cancellationToken) => SubmitAsync(image, save: false, cancellationToken);

    public Task<IActionResult> OnPostAsync(IFormFile? image, CancellationToken cancellationToken) => SubmitAsync(image, save: true, cancellationToken);

    private async Task<IActionResult> SubmitAsync(IFormFile? image, bool save, CancellationToken cancellationToken)
    {
        var console = HttpContext.Console();
        if (!IsNew)
        {
            Current = await achievements.FindAsync(console.OrganizationId, AchievementId, null, cancellationToken);
            if (Current is null)
            {
                return NotFound();
            }
        }

        var form = new AchievementForm();
        await TryUpdateModelAsync(form, "");
        Form = form;
        var outcome = await editor.SubmitAsync(console.OrganizationId, IsNew ? null : AchievementId, Current?.ReadDefinition(), form, image, console.AccountId, save, cancellationToken);
        if (outcome.Saved is { } saved)
        {
            return Redirect($"/console/{console.OrganizationId}/achievements/{saved.Id}?saved=true");
        }

        if (outcome.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        Errors = outcome.Errors;
        Preview = outcome.Definition;
        Response.StatusCode = outcome.Status;
        return Page();
    }
}
