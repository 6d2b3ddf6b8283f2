namespace Credstack.Server.Achievements;

/// <summary>OB 3.0 ResultDescription: a result an award of the achievement may carry (a grade, a score, a status).</summary>
/// <param name="ResultType">An OB 3.0 ResultType (<c>GradePointAverage</c>, <c>LetterGrade</c>, <c>Percent</c>, …) or an <c>ext:</c> term.</param>
internal sealed record ResultDescriptionDefinition(
    string? Name,
    string? ResultType,
    IReadOnlyList<string>? AllowedValues = null,
    string? RequiredValue = null,
    string? ValueMin = null,
    string? ValueMax = null);
