using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Credstack.Server.Verification;

/// <summary>
/// <c>/verify</c> for people: paste JSON or a JWT, upload a file (JSON, JWT, PNG, SVG) or give a URL, and read the
/// report. Browser form posts come here; other posts to <c>/verify</c> stay with the JSON API (<see cref="BrowserFormMatcherPolicy"/>).
/// </summary>
[AllowAnonymous]
[BrowserFormEndpoint]
[EnableRateLimiting(VerificationServices.RateLimitPolicy)]
internal sealed class VerifyPage(PageVerification verification) : PageModel
{
    [BindProperty]
    public string? Credential { get; set; }

    [BindProperty(Name = "url")]
    public string? CredentialUrl { get; set; }

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    public VerifyPageOutcome? Outcome { get; private set; }

    public long MaxInputBytes => verification.MaxInputBytes;

    public bool AllowRemote => verification.AllowRemote;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is { Length: > 0 } file)
        {
            Outcome = file.Length > MaxInputBytes
                ? verification.TooLarge(file.Length)
                : await verification.VerifyAsync(await ReadAsync(file, cancellationToken), cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(Credential))
        {
            Outcome = await verification.VerifyAsync(System.Text.Encoding.UTF8.GetBytes(Credential), cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(CredentialUrl))
        {
            Outcome = await verification.FromUrlAsync(CredentialUrl, cancellationToken);
        }
        else
        {
            Outcome = VerifyPageOutcome.Refused(StatusCodes.Status400BadRequest, "Paste a credential, choose a file or enter a link first.");
        }

        Response.StatusCode = Outcome.Status;
        return Page();
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
