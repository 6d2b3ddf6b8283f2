using Credstack.Credentials.Verification;
using Credstack.Server.Verification;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Backpack;

/// <summary>
/// Imports a credential from another issuer in two steps: <see cref="CheckAsync"/> recognises and verifies what the person
/// gave (a file, pasted text, or a link fetched only through the server's document fetcher) and holds the exact bytes
/// server-side; <see cref="KeepAsync"/> stores them when the person confirms, re-verifying the held bytes. The browser
/// only ever carries the opaque reference of the held bytes back.
/// </summary>
internal sealed class BackpackImporter(
    CredentialVerifier verifier,
    ServerDocumentFetcher documents,
    IOptions<VerificationOptions> options,
    BackpackStore store)
{
    public long MaxBytes => options.Value.MaxInputBytes;

    public bool RemoteAllowed => options.Value.AllowRemote;

    /// <summary>Step one for bytes the person uploaded or pasted.</summary>
    public async Task<ImportCheck> CheckAsync(string accountId, byte[] content, string? source, CancellationToken cancellationToken)
    {
        if (content.Length > MaxBytes)
        {
            return ImportCheck.Refused(StatusCodes.Status413PayloadTooLarge, $"That is larger than the {Size(MaxBytes)} a credential may be here.");
        }

        if (content.Length == 0)
        {
            return ImportCheck.Refused(StatusCodes.Status400BadRequest, "Choose a file, paste a credential or enter a link first.");
        }

        if (CredentialInput.Recognise(content) is not { } mediaType)
        {
            return ImportCheck.Refused(StatusCodes.Status400BadRequest,
                "That is not a credential: upload an Open Badges or Verifiable Credential file (JSON, JWT, or a baked PNG or SVG badge image).");
        }

        var report = await verifier.VerifyAsync(content, cancellationToken: cancellationToken);
        // JSON with neither a type nor an issuer is some other document, not a credential that failed its checks.
        if (VerificationResponses.IsUnreadable(report) || report.Credential is not { } summary || (summary.Types.Count == 0 && summary.IssuerId is null))
        {
            var reason = report.Errors.Select(e => e.Message).FirstOrDefault();
            return ImportCheck.Refused(StatusCodes.Status400BadRequest,
                mediaType is CredentialInput.Png or CredentialInput.Svg
                    ? "This image has no credential baked into it. Upload the badge image your issuer gave you, or the credential file itself."
                    : "No credential could be read from it" + (reason is null ? "." : ": " + reason));
        }

        var pendingId = await store.AddPendingAsync(accountId, content, mediaType, Source(source), cancellationToken);
        return ImportCheck.Ready(report, pendingId, CredentialFacts.Read(content));
    }

    /// <summary>Step one for a link: fetched through the server's one document seam (this server in-process, others only when allowed).</summary>
    public async Task<ImportCheck> FetchAndCheckAsync(string accountId, string link, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return ImportCheck.Refused(StatusCodes.Status400BadRequest, "Enter the credential's web address, starting with https://.");
        }

        var fetched = await documents.FetchAsync(url, cancellationToken);
        if (!fetched.Succeeded)
        {
            return fetched.NotFound
                ? ImportCheck.Refused(StatusCodes.Status404NotFound, $"There is no credential at {url}.")
                : ImportCheck.Refused(StatusCodes.Status400BadRequest, RemoteAllowed
                    ? $"The credential could not be fetched: {fetched.Error}"
                    : "This server does not fetch credentials from other sites (its operator has turned remote lookups off). Download the credential and upload the file instead.");
        }

        return await CheckAsync(accountId, fetched.Content.ToArray(), url.AbsoluteUri, cancellationToken);
    }

    /// <summary>Step two: keeps the held bytes, re-verified now, when the pending import is the person's and still there.</summary>
    public async Task<KeepOutcome> KeepAsync(string accountId, string pendingId, CancellationToken cancellationToken)
    {
        var pending = await store.FindPendingAsync(accountId, pendingId, cancellationToken);
        if (pending is null)
        {
            return KeepOutcome.Gone;
        }

        var report = await verifier.VerifyAsync(pending.Content, cancellationToken: cancellationToken);
        var facts = CredentialFacts.Read(pending.Content);
        facts = facts with
        {
            Name = facts.Name ?? report.Credential?.AchievementName,
            IssuerName = facts.IssuerName ?? report.Credential?.IssuerName,
            IssuerId = facts.IssuerId ?? report.Credential?.IssuerId,
            ValidFrom = facts.ValidFrom ?? report.Credential?.ValidFrom,
            ValidUntil = facts.ValidUntil ?? report.Credential?.ValidUntil,
        };
        return await store.KeepAsync(pending, facts, new VerificationReportView(report).Verdict, cancellationToken);
    }

    private static string? Source(string? source) => source is { Length: > 0 } ? (source.Length > 500 ? source[..500] : source) : null;

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024.0):0.#} MB" : $"{bytes / 1024} KB";
}
