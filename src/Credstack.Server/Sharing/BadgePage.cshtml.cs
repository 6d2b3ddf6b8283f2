using Credstack.Credentials.Verification;
using Credstack.Server.Accounts;
using Credstack.Server.Achievements;
using Credstack.Server.Verification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Sharing;

/// <summary>
/// <c>/badges/{awardId}</c>: a credential's public page, verified live on every view, with its downloads (the signed
/// JSON, baked PNG and SVG, a PDF certificate) and, for the learner who claimed it, the public/private switch.
/// Strangers see it only when the learner made it public; everyone else gets a 404 (<see cref="SharedCredentialReader"/>).
/// </summary>
[AllowAnonymous]
internal sealed class BadgePage(
    SharedCredentialReader reader, AwardSharingStore sharing, CredentialVerifier verifier, TimeProvider time) : PageModel
{
    public SharedCredential Shared { get; private set; } = null!;

    public VerificationReportView Report { get; private set; } = null!;

    public string? VisibilityError { get; private set; }

    public string ImageUrl => $"/badges/{Uri.EscapeDataString(Shared.Award.Id)}?handler=Image";

    public string PreviewImageUrl => Shared.PageUrl + "?handler=Preview";

    public string LinkedInUrl => LinkedInShareLink.For(Shared);

    public string? CriteriaHtml => Shared.Credential?.CredentialSubject.Achievement.Criteria.Narrative is { Length: > 0 } narrative
        ? CriteriaMarkdown.ToHtml(narrative)
        : null;

    public async Task<IActionResult> OnGetAsync(string awardId, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(awardId, User, cancellationToken) is not { } shared)
        {
            return NotFound();
        }

        await ShowAsync(shared, cancellationToken);
        if (shared.Viewer is CredentialViewer.Stranger)
        {
            await sharing.RecordViewAsync(shared.Award.Id, shared.Award.OrganizationId, cancellationToken);
        }

        return Page();
    }

    /// <summary>
    /// The learner shows or hides the page: field <c>public</c> = <c>true</c> or <c>false</c>, and optionally
    /// <c>returnUrl</c> (a local path) to go back to. The backpack posts here too.
    /// </summary>
    public async Task<IActionResult> OnPostVisibilityAsync(
        string awardId, [FromForm(Name = "public")] string? visibility, [FromForm] string? returnUrl, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(awardId, User, cancellationToken) is not { } shared)
        {
            return NotFound();
        }

        if (shared.Viewer is not CredentialViewer.Learner)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!bool.TryParse(visibility, out var makePublic))
        {
            await ShowAsync(shared, cancellationToken);
            VisibilityError = "Choose whether the page is public or private.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await sharing.SetPublicAsync(shared.Award.Id, shared.Award.OrganizationId, makePublic, cancellationToken);
        if (SignInPage.LocalReturnUrl(returnUrl) is { } back)
        {
            return LocalRedirect(back);
        }

        return RedirectToPage(null, null, new { awardId = shared.Award.Id, shared = makePublic ? "1" : null });
    }

    public Task<IActionResult> OnGetJsonAsync(string awardId, CancellationToken cancellationToken) =>
        DownloadAsync(awardId, (shared, _) => (shared.Bytes, "application/vc+ld+json", "json"), cancellationToken);

    public Task<IActionResult> OnGetPngAsync(string awardId, CancellationToken cancellationToken) =>
        DownloadAsync(awardId, (shared, image) => (BadgeImages.BakedPng(shared, image), ImageSniffer.Png, "png"), cancellationToken);

    public Task<IActionResult> OnGetSvgAsync(string awardId, CancellationToken cancellationToken) =>
        DownloadAsync(awardId, (shared, image) => (BadgeImages.BakedSvg(shared, image), ImageSniffer.Svg, "svg"), cancellationToken);

    public Task<IActionResult> OnGetPdfAsync(string awardId, CancellationToken cancellationToken) =>
        DownloadAsync(awardId, (shared, _) => (CertificatePdf.Create(shared, time.GetUtcNow()), "application/pdf", "pdf"), cancellationToken);

    /// <summary>The badge image the page shows (the achievement's own, or generated artwork).</summary>
    public Task<IActionResult> OnGetImageAsync(string awardId, CancellationToken cancellationToken) =>
        ImageAsync(awardId, BadgeImages.Display, cancellationToken);

    /// <summary>A raster image for link previews (Open Graph, Twitter cards).</summary>
    public Task<IActionResult> OnGetPreviewAsync(string awardId, CancellationToken cancellationToken) =>
        ImageAsync(awardId, BadgeImages.Preview, cancellationToken);

    private async Task ShowAsync(SharedCredential shared, CancellationToken cancellationToken)
    {
        Shared = shared;
        // A fixed instant gives the run its own status checker, bypassing the verifier's shared status list cache: the
        // page shows a revocation by this server's issuer at once (the status list is read in-process).
        var report = await verifier.VerifyAsync(shared.Bytes, new VerificationRequest { Now = time.GetUtcNow() }, cancellationToken);
        Report = new VerificationReportView(report, RevocationReason: shared.IsRevoked ? shared.Award.StatusReason : null);
        Response.Headers.CacheControl = "no-store";
    }

    private async Task<IActionResult> DownloadAsync(
        string awardId, Func<SharedCredential, AchievementImage?, (byte[] Content, string MediaType, string Extension)> make, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(awardId, User, cancellationToken) is not { } shared)
        {
            return NotFound();
        }

        var (content, mediaType, extension) = make(shared, await reader.ImageAsync(shared.Award, cancellationToken));
        Response.Headers.CacheControl = "no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content, mediaType, BadgeImages.FileName(shared.AchievementName, extension));
    }

    private async Task<IActionResult> ImageAsync(
        string awardId, Func<string, AchievementImage?, (byte[] Content, string MediaType)> pick, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(awardId, User, cancellationToken) is not { } shared)
        {
            return NotFound();
        }

        var (content, mediaType) = pick(shared.AchievementName, await reader.ImageAsync(shared.Award, cancellationToken));
        Response.Headers.CacheControl = "private, max-age=300";
        Response.Headers.XContentTypeOptions = "nosniff";
        // An SVG opened directly runs in an opaque origin with nothing allowed but its own styles.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
        return File(content, mediaType);
    }
}
