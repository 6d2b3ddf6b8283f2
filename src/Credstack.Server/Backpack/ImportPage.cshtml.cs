using System.Security.Claims;
using System.Text;
using Credstack.Server.Access;
using Credstack.Server.Verification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Backpack;

/// <summary>
/// <c>/backpack/import</c>: a credential from another issuer, in two steps. "Check" verifies an uploaded file, pasted
/// JSON or JWT, or a link, and shows the report while the server holds the exact bytes; "Keep in my backpack" posts only
/// the opaque reference of those held bytes, which are re-verified and stored. Nothing is kept before the second step.
/// </summary>
[Authorize]
// The request may carry the largest credential the verifier accepts (Credstack:Verification:MaxInputBytes, 2 MB by
// default) plus the form around it; the page itself refuses files over the verifier's cap with a clear message.
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
internal sealed class ImportPage(BackpackImporter importer) : PageModel
{
    public const long MaxRequestBytes = 8 * 1024 * 1024;

    public ImportCheck? Check { get; private set; }

    public VerificationReportView? Report { get; private set; }

    public string? Error { get; private set; }

    public string? Text { get; private set; }

    public string? Link { get; private set; }

    public bool RemoteAllowed => importer.RemoteAllowed;

    public long MaxBytes => importer.MaxBytes;

    private string AccountId => User.FindFirstValue(CredstackClaims.AccountId)!;

    /// <summary>Step one: verify what was given, hold its bytes, show the report.</summary>
    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? text, string? url, CancellationToken cancellationToken)
    {
        Text = text;
        Link = url;
        ImportCheck check;
        if (file is { Length: > 0 })
        {
            if (file.Length > importer.MaxBytes)
            {
                return Refuse(StatusCodes.Status413PayloadTooLarge, $"The file is too large: a credential may be at most {importer.MaxBytes / 1024} KB here.");
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            check = await importer.CheckAsync(AccountId, buffer.ToArray(), Path.GetFileName(file.FileName), cancellationToken);
        }
        else if (text is { Length: > 0 } && !string.IsNullOrWhiteSpace(text))
        {
            check = CredentialInput.IsLink(text.Trim())
                ? await importer.FetchAndCheckAsync(AccountId, text.Trim(), cancellationToken)
                : await importer.CheckAsync(AccountId, Encoding.UTF8.GetBytes(text), "pasted text", cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(url))
        {
            check = await importer.FetchAndCheckAsync(AccountId, url, cancellationToken);
        }
        else
        {
            return Refuse(StatusCodes.Status400BadRequest, "Choose a file, paste a credential or enter a link first.");
        }

        if (check.Error is not null)
        {
            return Refuse(check.Status, check.Error);
        }

        Check = check;
        Report = new VerificationReportView(check.Report!);
        return Page();
    }

    /// <summary>Step two: keep the held bytes the reference names, when they are this person's and still held.</summary>
    public async Task<IActionResult> OnPostKeepAsync(string? pendingId, CancellationToken cancellationToken)
    {
        var outcome = await importer.KeepAsync(AccountId, pendingId ?? "", cancellationToken);
        if (outcome.CredentialId is not { } id)
        {
            return Refuse(StatusCodes.Status404NotFound, "This import is no longer waiting: it was kept already or more than an hour has passed. Check the credential again.");
        }

        return Redirect($"/backpack/credentials/{id}?{(outcome.WasAlreadyKept ? "duplicate" : "kept")}=1");
    }

    private PageResult Refuse(int status, string error)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }
}
