namespace Credstack.Credentials.Verification;

/// <summary>One check of a <see cref="VerificationReport"/>.</summary>
/// <param name="Code">A stable code from <see cref="VerificationCode"/>.</param>
/// <param name="Status">How the check came out.</param>
/// <param name="Message">A sentence for people.</param>
/// <param name="Path">Where in the credential, as a JSONPath (<c>$.proof[1]</c>, <c>$.credentialSubject.achievement</c>), when it applies.</param>
/// <param name="Problem">The underlying verifier's problem code (e.g. <c>signature-invalid</c>, <c>jwt-key-not-found</c>, <c>property-missing</c>), when there is one.</param>
public sealed record VerificationCheck(string Code, CheckStatus Status, string Message, string? Path = null, string? Problem = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Status.ToString().ToLowerInvariant()} {Code}{(Path is null ? "" : " at " + Path)}: {Message}{(Problem is null ? "" : $" ({Problem})")}";
}
