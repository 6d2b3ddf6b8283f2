using System.Security.Claims;
using Credstack.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Backpack;

/// <summary><c>/backpack/collections</c>: the person's collections (named groups of badges) and a form to start one.</summary>
[Authorize]
internal sealed class CollectionsPage(CollectionStore collections) : PageModel
{
    public IReadOnlyList<BackpackCollection> Collections { get; private set; } = [];

    public string? Name { get; private set; }

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    private string AccountId => User.FindFirstValue(CredstackClaims.AccountId)!;

    public async Task OnGetAsync(string? deleted, CancellationToken cancellationToken)
    {
        Collections = await collections.ListAsync(AccountId, cancellationToken);
        Notice = deleted is not null ? "The collection was deleted; its badges stay in your backpack." : null;
    }

    public async Task<IActionResult> OnPostAsync(string? name, CancellationToken cancellationToken)
    {
        Name = name?.Trim();
        if (string.IsNullOrEmpty(Name) || Name.Length > CollectionStore.MaxNameLength)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, $"Give the collection a name of 1 to {CollectionStore.MaxNameLength} characters.", cancellationToken);
        }

        var id = await collections.CreateAsync(AccountId, Name, cancellationToken);
        return id is null
            ? await RefuseAsync(StatusCodes.Status409Conflict, $"You already have a collection called \"{Name}\"; choose another name.", cancellationToken)
            : Redirect($"/backpack/collections/{id}");
    }

    private async Task<PageResult> RefuseAsync(int status, string error, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = status;
        Collections = await collections.ListAsync(AccountId, cancellationToken);
        return Page();
    }
}
