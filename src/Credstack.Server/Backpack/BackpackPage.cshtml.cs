using System.Security.Claims;
using Credstack.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Backpack;

/// <summary><c>/backpack</c>: the grid of the person's badges (claimed and imported), newest first.</summary>
[Authorize]
internal sealed class BackpackPage(BackpackItems items) : PageModel
{
    public IReadOnlyList<BackpackCard> Cards { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? removed, CancellationToken cancellationToken)
    {
        Cards = await items.ListAsync(User.FindFirstValue(CredstackClaims.AccountId)!, cancellationToken);
        Notice = removed is not null ? "The credential was removed from your backpack." : null;
    }
}
