using System.Security.Claims;
using Credstack.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Backpack;

/// <summary>
/// <c>/backpack/collections/{id}</c>: one collection's badges, with forms to add one of the person's badges, take one out,
/// or delete the collection. Another person's collection, or a badge that is not the person's, is a 404.
/// </summary>
[Authorize]
internal sealed class CollectionPage(CollectionStore collections, BackpackItems items) : PageModel
{
    public BackpackCollection Collection { get; private set; } = null!;

    public IReadOnlyList<BackpackCard> Cards { get; private set; } = [];

    /// <summary>The person's badges not in the collection yet.</summary>
    public IReadOnlyList<BackpackCard> Others { get; private set; } = [];

    private string AccountId => User.FindFirstValue(CredstackClaims.AccountId)!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string id, string? itemId, CancellationToken cancellationToken)
    {
        if (itemId is null || await items.FindAsync(AccountId, itemId, cancellationToken) is null)
        {
            return NotFound();
        }

        return await collections.AddAsync(AccountId, id, itemId, cancellationToken) ? Redirect($"/backpack/collections/{id}") : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, string? itemId, CancellationToken cancellationToken) =>
        itemId is not null && await collections.RemoveAsync(AccountId, id, itemId, cancellationToken) ? Redirect($"/backpack/collections/{id}") : NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken) =>
        await collections.DeleteAsync(AccountId, id, cancellationToken) ? Redirect("/backpack/collections?deleted=1") : NotFound();

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await collections.FindAsync(AccountId, id, cancellationToken) is not { } collection)
        {
            return false;
        }

        Collection = collection;
        var inside = (await collections.ItemIdsAsync(AccountId, id, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var all = await items.ListAsync(AccountId, cancellationToken);
        Cards = [.. all.Where(c => inside.Contains(c.Id))];
        Others = [.. all.Where(c => !inside.Contains(c.Id))];
        return true;
    }
}
