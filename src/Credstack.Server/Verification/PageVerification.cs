using System.Globalization;
using System.Text;
using System.Text.Json;
using Credstack.Credentials.Baking;
using Credstack.Credentials.Verification;
using Credstack.Server.Awards;
using Credstack.Server.Sharing;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Verification;

/// <summary>
/// The verify page's work: verify pasted text, an uploaded file or a credential at a URL with the server's one verifier
/// (the same as <c>POST /verify</c>), say whether the issuer is trusted, count the verification when the credential is
/// one of this server's, and turn every input problem into a message (never an exception).
/// </summary>
internal sealed class PageVerification(
    CredentialVerifier verifier,
    ServerDocumentFetcher documents,
    IssuerTrust trust,
    AwardSharingStore sharing,
    IOptions<VerificationOptions> options,
    TimeProvider time)
{
    public long MaxInputBytes => options.Value.MaxInputBytes;

    public bool AllowRemote => options.Value.AllowRemote;

    public VerifyPageOutcome TooLarge(long length) =>
        VerifyPageOutcome.Refused(StatusCodes.Status413PayloadTooLarge, string.Create(CultureInfo.InvariantCulture,
            $"That is {length:N0} bytes; the verifier accepts at most {MaxInputBytes:N0} bytes. A credential or baked badge image is much smaller: check that you chose the right file."));

    public async Task<VerifyPageOutcome> FromUrlAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http"))
        {
            return VerifyPageOutcome.Refused(StatusCodes.Status400BadRequest, "Enter the credential's full web address, starting with https://.");
        }

        var fetched = await documents.FetchAsync(parsed, cancellationToken);
        if (!fetched.Succeeded)
        {
            var why = fetched.Error ?? "Nothing was found at that address.";
            var message = !AllowRemote && why.Contains("does not fetch remote documents", StringComparison.Ordinal)
                ? $"This server does not look up credentials on other sites (remote lookups are turned off), so {parsed.Host} was not contacted. Download the credential and upload or paste it instead."
                : "The credential could not be fetched: " + why;
            return VerifyPageOutcome.Refused(StatusCodes.Status400BadRequest, message);
        }

        return await VerifyAsync(fetched.Content, cancellationToken);
    }

    public async Task<VerifyPageOutcome> VerifyAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        if (input.Length > MaxInputBytes)
        {
            return TooLarge(input.Length);
        }

        if (input.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return VerifyPageOutcome.Refused(StatusCodes.Status400BadRequest, "Paste a credential, choose a file or enter a link first.");
        }

        var report = await verifier.VerifyAsync(input, cancellationToken: cancellationToken);
        if (VerificationResponses.IsUnreadable(report))
        {
            var reasons = string.Join(" ", report.Errors.Select(e => e.Message));
            return VerifyPageOutcome.Refused(StatusCodes.Status400BadRequest,
                "This is not a credential the verifier can read. Paste the credential's JSON or JWT, or upload a baked badge image (PNG or SVG). Details: " + reasons);
        }

        var summary = report.Credential;
        bool? trusted = summary?.IssuerId is { } issuer ? await trust.IsTrustedAsync(issuer, cancellationToken) : null;
        var award = await trust.OwnAwardAsync(summary?.Id, summary?.IssuerId, cancellationToken);
        if (award is not null)
        {
            await sharing.RecordVerificationAsync(award.Id, award.OrganizationId, cancellationToken);
            // Once more with a fixed instant, which gives the run its own status checker instead of the shared cache:
            // a revocation by this server's issuer shows at once.
            report = await verifier.VerifyAsync(input, new VerificationRequest { Now = time.GetUtcNow() }, cancellationToken);
        }

        var reason = award is { Status: AwardStatuses.Revoked } ? award.StatusReason : null;
        return VerifyPageOutcome.Verified(report, trusted, reason, RawText(input.Span));
    }

    /// <summary>The credential as text for the raw view: JSON indented, a JWT's payload, a baked image's payload.</summary>
    private static string? RawText(ReadOnlySpan<byte> input)
    {
        string? text = null;
        if (input.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
        {
            text = PngBaker.Unbake(input).Payload;
        }
        else if (input.TrimStart(" \t\r\n"u8) is [(byte)'<', ..])
        {
            text = SvgBaker.Unbake(input).Payload;
        }
        else if (Encoding.UTF8.GetString(input).Trim() is { } decoded)
        {
            text = decoded;
        }

        if (text is null)
        {
            return null;
        }

        if (text.Split('.') is [{ Length: > 0 } header, var payload, _] && !text.Contains('{', StringComparison.Ordinal) && header.All(IsBase64Url))
        {
            text = DecodeSegment(payload) ?? text;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return JsonSerializer.Serialize(json.RootElement, Indented);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static string? DecodeSegment(string segment)
    {
        var base64 = segment.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
