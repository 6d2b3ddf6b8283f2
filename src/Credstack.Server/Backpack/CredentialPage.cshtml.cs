using System.Security.Claims;
using Credstack.Server.Access;
using Credstack.Server.Sharing;
using Credstack.Server.Verification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Backpack;

/// <summary>
/// <c>/backpack/credentials/{id}</c>: one of the person's credentials with its live verification report, what it says,
/// and how it is shared. Another person's item, or an unknown id, is a 404 (never a 403: nobody learns it exists).
/// </summary>
[Authorize]
internal sealed class CredentialPage(BackpackItems items, BackpackStore store, AwardSharingStore sharing) : PageModel
{
    public BackpackEntry Entry { get; private set; } = null!;

    public VerificationReportView Report { get; private set; } = null!;

    public bool IsPublic { get; private set; }

    public string? Notice { get; private set; }

    private string AccountId => User.FindFirstValue(CredstackClaims.AccountId)!;

    public async Task<IActionResult> OnGetAsync(string id, string? claimed, string? kept, string? duplicate, CancellationToken cancellationToken)
    {
        if (await items.FindAsync(AccountId, id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        var report = await items.VerifyAsync(AccountId, entry, cancellationToken);
        Report = new VerificationReportView(report, RevocationReason: entry.Award?.StatusReason);
        if (entry.Award is { } award)
        {
            IsPublic = (await sharing.FindAsync(award.Id, cancellationToken))?.IsPublic ?? false;
        }

        Notice = claimed is not null ? "Claimed: the credential is now in your backpack."
            : kept is not null ? "Kept: the credential is now in your backpack."
            : duplicate is not null ? "This credential was already in your backpack."
            : null;
        return Page();
    }

    /// <summary>The exact stored bytes, as a file: the signed JSON, the JWT, or the baked image.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string id, CancellationToken cancellationToken)
    {
        if (await items.FindAsync(AccountId, id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        var mediaType = entry.Imported?.MediaType ?? CredentialInput.Json;
        var extension = mediaType switch
        {
            CredentialInput.Png => "png",
            CredentialInput.Svg => "svg",
            CredentialInput.Jwt => "jwt",
            _ => "json",
        };
        return File(entry.Content, mediaType == CredentialInput.Svg ? "application/octet-stream" : mediaType, $"credential-{id}.{extension}");
    }

    /// <summary>An imported baked image, for its card. SVG is served so that nothing in it can run (the page shows it in an img).</summary>
    public async Task<IActionResult> OnGetImageAsync(string id, CancellationToken cancellationToken)
    {
        if (await items.FindAsync(AccountId, id, cancellationToken) is not { Imported: { MediaType: CredentialInput.Png or CredentialInput.Svg } imported })
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, max-age=3600";
        return File(imported.Content, imported.MediaType);
    }

    /// <summary>Removes an imported credential (claimed awards stay: their issuer owns their lifecycle).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string id, CancellationToken cancellationToken)
    {
        return await store.RemoveImportedAsync(AccountId, id, cancellationToken) ? Redirect("/backpack?removed=1") : NotFound();
    }
}
