namespace Credstack.Credentials.Validation;

/// <summary>The outcome of a structural validation: every problem found, errors and warnings.</summary>
public sealed record ValidationResult
{
    internal ValidationResult(IReadOnlyList<ValidationProblem> problems) => Problems = problems;

    /// <summary>All problems, in document order.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>True when no problem has <see cref="ValidationSeverity.Error"/> severity.</summary>
    public bool IsValid => !Problems.Any(p => p.Severity == ValidationSeverity.Error);

    /// <summary>The problems that reject the credential.</summary>
    public IEnumerable<ValidationProblem> Errors => Problems.Where(p => p.Severity == ValidationSeverity.Error);

    /// <summary>The problems that are reported but tolerated.</summary>
    public IEnumerable<ValidationProblem> Warnings => Problems.Where(p => p.Severity == ValidationSeverity.Warning);

    /// <inheritdoc/>
    public override string ToString() => Problems.Count == 0 ? "valid" : string.Join(Environment.NewLine, Problems);
}
