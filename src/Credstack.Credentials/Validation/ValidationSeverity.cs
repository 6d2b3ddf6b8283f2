namespace Credstack.Credentials.Validation;

/// <summary>How much a <see cref="ValidationProblem"/> matters.</summary>
public enum ValidationSeverity
{
    /// <summary>The credential breaks a MUST of the data model: it is rejected.</summary>
    Error,

    /// <summary>The credential is accepted, but departs from what Credstack would emit (a tolerated shape, an older version).</summary>
    Warning,
}
