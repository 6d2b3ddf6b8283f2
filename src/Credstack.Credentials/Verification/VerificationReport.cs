// The report's JSON form follows the shape of the VC-API verify response (W3C CCG VC-API, "verify credential": a
// "verified" boolean with "checks", "warnings" and "errors"), with Credstack's stable codes in place of problem-details
// type URIs.
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Credstack.Credentials.Verification;

/// <summary>
/// Everything a verification found: every check in algorithm order, a summary of the credential, and the reports of the
/// credentials embedded in it. A credential that does not verify is a report, never an exception.
/// </summary>
public sealed record VerificationReport
{
    private static readonly JsonWriterOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions IndentedOptions = CompactOptions with { Indented = true };

    /// <summary>
    /// True when no check failed (warnings and skipped checks allowed) and a proof was established: a
    /// <see cref="VerificationCode.ProofSignature"/> (or, for OB 2.0 hosted assertions, <see cref="VerificationCode.ProofHosted"/>)
    /// check passed. A credential whose proof could not be checked (no proof, a seam not configured) is never verified.
    /// A verifiable presentation without a proof of its own (allowed by <see cref="VerificationRequest.UnsignedPresentation"/>)
    /// is verified when no check failed and at least one credential in it verified.
    /// </summary>
    public bool Verified =>
        !Checks.Any(c => c.Status == CheckStatus.Failed)
        && Checks.Any(c => c.Status == CheckStatus.Passed
            && (c.Code is VerificationCode.ProofSignature or VerificationCode.ProofHosted
                || (Credential is { IsPresentation: true } && c.Code == VerificationCode.EmbeddedInvalid)));

    /// <summary>Every check, in the order of the verification steps.</summary>
    public IReadOnlyList<VerificationCheck> Checks { get; init; } = [];

    /// <summary>The checks that warned.</summary>
    public IEnumerable<VerificationCheck> Warnings => Checks.Where(c => c.Status == CheckStatus.Warning);

    /// <summary>The checks that failed.</summary>
    public IEnumerable<VerificationCheck> Errors => Checks.Where(c => c.Status == CheckStatus.Failed);

    /// <summary>What the credential says, as far as it could be read; null when the input could not be read at all.</summary>
    public CredentialSummary? Credential { get; init; }

    /// <summary>Reports of embedded credentials (CLR 2.0, a presentation's credentials) and endorsements, in document order.</summary>
    public IReadOnlyList<EmbeddedVerification> Embedded { get; init; } = [];

    /// <summary>The checks with <paramref name="code"/>.</summary>
    public IEnumerable<VerificationCheck> ChecksFor(string code) => Checks.Where(c => string.Equals(c.Code, code, StringComparison.Ordinal));

    /// <summary>True when a check with <paramref name="code"/> has <paramref name="status"/>.</summary>
    public bool Has(string code, CheckStatus status) => ChecksFor(code).Any(c => c.Status == status);

    /// <summary>True when a check with <paramref name="code"/> failed.</summary>
    public bool HasFailed(string code) => Has(code, CheckStatus.Failed);

    /// <summary>
    /// Writes the report as one JSON object: <c>verified</c>, <c>checks</c> (each <c>code</c>, <c>status</c>, <c>message</c>,
    /// optional <c>path</c> and <c>problem</c>), <c>warnings</c> and <c>errors</c> (the same items without <c>status</c>),
    /// <c>credential</c> (the summary, camelCase) and <c>embedded</c> (each <c>relation</c>, <c>path</c>, <c>report</c>).
    /// </summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        VerificationReportWriter.Write(writer, this);
    }

    /// <summary>The JSON form of <see cref="WriteTo"/> as UTF-8 bytes.</summary>
    public byte[] ToUtf8Json(bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, indented ? IndentedOptions : CompactOptions))
        {
            VerificationReportWriter.Write(writer, this);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The JSON form of <see cref="WriteTo"/> as a string.</summary>
    public string ToJson(bool indented = false) => System.Text.Encoding.UTF8.GetString(ToUtf8Json(indented));

    /// <inheritdoc />
    public override string ToString() =>
        (Verified ? "verified" : "not verified") + ": " + string.Join("; ", Checks.Where(c => c.Status is CheckStatus.Failed or CheckStatus.Warning));
}
