// Open Badges 3.0 §B (data model), enumeration ResultType (extensible: values outside the list use the "ext:" prefix).
// The value list is the one in the 1EdTech JSON Schema (gh-pages build, 2025-03-27).
using System.Collections.Frozen;

namespace Credstack.Credentials.Model;

/// <summary>The kinds of result a <see cref="ResultDescription"/> describes (<c>resultType</c>).</summary>
public static class ResultType
{
    /// <summary><c>GradePointAverage</c>.</summary>
    public const string GradePointAverage = "GradePointAverage";

    /// <summary><c>LetterGrade</c>.</summary>
    public const string LetterGrade = "LetterGrade";

    /// <summary><c>Percent</c>.</summary>
    public const string Percent = "Percent";

    /// <summary><c>PerformanceLevel</c>.</summary>
    public const string PerformanceLevel = "PerformanceLevel";

    /// <summary><c>PredictedScore</c>.</summary>
    public const string PredictedScore = "PredictedScore";

    /// <summary><c>RawScore</c>.</summary>
    public const string RawScore = "RawScore";

    /// <summary><c>Result</c>.</summary>
    public const string Result = "Result";

    /// <summary><c>RubricCriterion</c>.</summary>
    public const string RubricCriterion = "RubricCriterion";

    /// <summary><c>RubricCriterionLevel</c>.</summary>
    public const string RubricCriterionLevel = "RubricCriterionLevel";

    /// <summary><c>RubricScore</c>.</summary>
    public const string RubricScore = "RubricScore";

    /// <summary><c>ScaledScore</c>.</summary>
    public const string ScaledScore = "ScaledScore";

    /// <summary><c>Status</c>.</summary>
    public const string Status = "Status";

    /// <summary>The values the specification defines (extensions with the <c>ext:</c> prefix are also valid).</summary>
    public static FrozenSet<string> Defined { get; } = FrozenSet.Create(StringComparer.Ordinal,
        GradePointAverage, LetterGrade, Percent, PerformanceLevel, PredictedScore, RawScore, Result, RubricCriterion, RubricCriterionLevel, RubricScore, ScaledScore, Status);

    /// <summary>True when <paramref name="value"/> is a defined value or an <c>ext:</c> extension term.</summary>
    public static bool IsValid(string value) => Defined.Contains(value) || ExtensionTerm.IsValid(value);
}
