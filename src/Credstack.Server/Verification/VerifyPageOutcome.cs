using Credstack.Credentials.Verification;

namespace Credstack.Server.Verification;

/// <summary>What the verify page shows after a check: the report (null when the input was not read as a credential), or the message why not.</summary>
internal sealed record VerifyPageOutcome
{
    public VerificationReportView? Report { get; init; }

    /// <summary>The credential as JSON text, indented when it parses, for the raw view.</summary>
    public string? RawJson { get; init; }

    /// <summary>Why nothing was verified, in plain words; null when a report is shown.</summary>
    public string? Error { get; init; }

    /// <summary>The HTTP status of the page: 200 with a report, 400 for unreadable input, 413 for input over the cap.</summary>
    public int Status { get; init; } = StatusCodes.Status200OK;

    public static VerifyPageOutcome Refused(int status, string error) => new() { Status = status, Error = error };

    public static VerifyPageOutcome Verified(VerificationReport report, bool? trusted, string? revocationReason, string? raw) =>
        new() { Report = new VerificationReportView(report, trusted, revocationReason), RawJson = raw };
}
