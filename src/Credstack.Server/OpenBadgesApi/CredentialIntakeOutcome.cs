namespace Credstack.Server.OpenBadgesApi;

/// <summary>
/// What <see cref="CredentialIntake"/> made of an upsert body: the credential to store (format, exact bytes,
/// identity, verification state), or the status, Imsx code minor value and sentence of the refusal.
/// </summary>
internal sealed record CredentialIntakeOutcome(
    string? Format,
    byte[]? Content,
    string? IssuerId,
    string? CredentialId,
    DateTimeOffset? IssuedAt,
    string? Verification,
    int ErrorStatus,
    string? ErrorCode,
    string? ErrorDescription)
{
    public bool Succeeded => ErrorCode is null;

    public static CredentialIntakeOutcome Refuse(int status, string code, string description) =>
        new(null, null, null, null, null, null, status, code, description);
}
