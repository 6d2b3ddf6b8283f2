using System.Security.Claims;
using Credstack.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Backpack;

/// <summary><c>/backpack/profile</c>: the person chooses a handle and whether <c>/people/{handle}</c> shows their public badges.</summary>
[Authorize]
internal sealed class ProfileSettingsPage(ProfileStore profiles) : PageModel
{
    public string? Handle { get; private set; }

    public string? Headline { get; private set; }

    public bool Show { get; private set; }

    public bool Saved { get; private set; }

    public List<string> Errors { get; } = [];

    private string AccountId => User.FindFirstValue(CredstackClaims.AccountId)!;

    public async Task OnGetAsync(string? saved, CancellationToken cancellationToken)
    {
        if (await profiles.FindAsync(AccountId, cancellationToken) is { } profile)
        {
            (Handle, Headline, Show) = (profile.Handle, profile.Headline, profile.IsPublic);
        }

        Saved = saved is not null;
    }

    public async Task<IActionResult> OnPostAsync(string? handle, string? headline, bool show, CancellationToken cancellationToken)
    {
        Handle = handle?.Trim().ToLowerInvariant();
        Headline = string.IsNullOrWhiteSpace(headline) ? null : headline.Trim();
        Show = show;
        if (ProfileStore.HandleProblem(Handle) is { } problem)
        {
            Errors.Add(problem);
        }

        if (Headline is { Length: > ProfileStore.MaxHeadlineLength })
        {
            Errors.Add($"Keep the headline to {ProfileStore.MaxHeadlineLength} characters.");
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!await profiles.SaveAsync(AccountId, Handle!, Headline, Show, cancellationToken))
        {
            Errors.Add($"The handle \"{Handle}\" is taken; choose another.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return Redirect("/backpack/profile?saved=1");
    }
}
