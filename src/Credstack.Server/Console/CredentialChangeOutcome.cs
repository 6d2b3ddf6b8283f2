namespace Credstack.Server.Console;

/// <summary>A lifecycle change done (and the credential to show next: the same one, or its replacement), or refused with a status and a sentence.</summary>
internal sealed record CredentialChangeOutcome(string? AwardId, int Status, string? Problem)
{
    public static CredentialChangeOutcome Done(string awardId) => new(awardId, StatusCodes.Status200OK, null);

    public static CredentialChangeOutcome Refused(int status, string problem) => new(null, status, problem);
}
