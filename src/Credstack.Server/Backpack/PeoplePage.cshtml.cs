using Credstack.Server.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Backpack;

/// <summary>
/// <c>/people/{handle}</c>: a person's public profile, when they turned it on: their name, headline and only the badges
/// they made public (each links to its public page). A hidden or unknown handle is the same 404.
/// </summary>
[AllowAnonymous]
internal sealed class PeoplePage(ProfileStore profiles, AccountStore accounts, BackpackItems items) : PageModel
{
    public PublicProfile Profile { get; private set; } = null!;

    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<BackpackCard> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken cancellationToken)
    {
        if (handle.Length > 30 || await profiles.FindShownAsync(handle, cancellationToken) is not { } profile
            || await accounts.FindByIdAsync(profile.AccountId, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Profile = profile;
        DisplayName = account.DisplayName;
        var shown = (await profiles.PublicAwardIdsAsync(profile.AccountId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        Cards = [.. (await items.ListAsync(profile.AccountId, cancellationToken)).Where(c => c.IsAward && shown.Contains(c.Id))];
        return Page();
    }
}
