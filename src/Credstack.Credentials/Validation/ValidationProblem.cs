namespace Credstack.Credentials.Validation;

/// <summary>One structural problem found in a credential.</summary>
/// <param name="Code">A stable code from <see cref="ValidationCode"/>.</param>
/// <param name="Path">Where: a JSONPath such as <c>$.credentialSubject.achievement.criteria</c> or <c>$['@context'][1]</c>.</param>
/// <param name="Message">What is wrong, for people.</param>
/// <param name="Severity">Whether the problem rejects the credential.</param>
public sealed record ValidationProblem(string Code, string Path, string Message, ValidationSeverity Severity)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Severity} {Code} at {Path}: {Message}";
}
