using System.Text.Json;
using Credstack.Credentials.Verification;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.Verification;

/// <summary>How the verification endpoints answer with a <see cref="VerificationReport"/>: its own JSON, or a problem carrying it.</summary>
internal static class VerificationResponses
{
    // A failure of one of these means the input was not read as a credential at all: nothing was verified.
    private static readonly HashSet<string> UnreadableCodes = new(StringComparer.Ordinal)
    {
        VerificationCode.InputFormat, VerificationCode.InputImage, VerificationCode.StructureJson, VerificationCode.StructureJwt,
    };

    /// <summary>True when the verifier could not read the input as a credential in any form.</summary>
    public static bool IsUnreadable(VerificationReport report) =>
        report.Checks.Any(c => c.Status == CheckStatus.Failed && UnreadableCodes.Contains(c.Code));

    /// <summary>The report's JSON (<c>verified</c>, <c>checks</c>, <c>warnings</c>, <c>errors</c>, <c>credential</c>, <c>embedded</c>).</summary>
    public static FileContentHttpResult Report(VerificationReport report) =>
        TypedResults.Bytes(report.ToUtf8Json(), "application/json");

    /// <summary>A 400 problem for input that is not a credential, with the report's members as extensions.</summary>
    public static ProblemHttpResult Unreadable(VerificationReport report) =>
        WithReport(report, StatusCodes.Status400BadRequest, ProblemTypes.UnreadableCredential, "Unreadable credential",
            "The input is not a credential the verifier can read: " + string.Join(" ", report.Errors.Select(e => e.Message)));

    /// <summary>A 400 problem (VC-API: a credential that does not verify), with the report's members as extensions.</summary>
    public static ProblemHttpResult NotVerified(VerificationReport report) =>
        WithReport(report, StatusCodes.Status400BadRequest, ProblemTypes.CredentialNotVerified, "Credential not verified",
            report.Errors.Any() ? string.Join(" ", report.Errors.Select(e => e.Message)) : "No proof could be established for the credential.");

    private static ProblemHttpResult WithReport(VerificationReport report, int status, string type, string title, string detail)
    {
        using var json = JsonDocument.Parse(report.ToUtf8Json());
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var member in json.RootElement.EnumerateObject())
        {
            extensions[member.Name] = member.Value.Clone();
        }

        return TypedResults.Problem(detail, statusCode: status, title: title, type: type, extensions: extensions);
    }
}
