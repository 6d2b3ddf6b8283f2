using Credstack.Credentials.Verification;

namespace Credstack.Server.Backpack;

/// <summary>
/// The first step of an import: either the verification report and the opaque reference of the pending import the
/// person may keep, or why there is nothing to verify (with the HTTP status the page answers with).
/// </summary>
internal sealed record ImportCheck
{
    public VerificationReport? Report { get; init; }

    public string? PendingId { get; init; }

    public CredentialFacts Facts { get; init; } = CredentialFacts.Empty;

    public int Status { get; init; } = StatusCodes.Status200OK;

    public string? Error { get; init; }

    public static ImportCheck Ready(VerificationReport report, string pendingId, CredentialFacts facts) =>
        new() { Report = report, PendingId = pendingId, Facts = facts };

    public static ImportCheck Refused(int status, string error) => new() { Status = status, Error = error };
}
