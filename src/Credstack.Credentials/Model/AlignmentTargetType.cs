// Open Badges 3.0 §B (data model), enumeration AlignmentTargetType (extensible: values outside the list use the "ext:" prefix).
// The value list is the one in the 1EdTech JSON Schema (gh-pages build, 2025-03-27).
using System.Collections.Frozen;

namespace Credstack.Credentials.Model;

/// <summary>The kinds of alignment target (<c>Alignment.targetType</c>).</summary>
public static class AlignmentTargetType
{
    /// <summary><c>ceasn:Competency</c>.</summary>
    public const string CeasnCompetency = "ceasn:Competency";

    /// <summary><c>ceterms:Credential</c>.</summary>
    public const string CetermsCredential = "ceterms:Credential";

    /// <summary><c>CFItem</c>.</summary>
    public const string CFItem = "CFItem";

    /// <summary><c>CFRubric</c>.</summary>
    public const string CFRubric = "CFRubric";

    /// <summary><c>CFRubricCriterion</c>.</summary>
    public const string CFRubricCriterion = "CFRubricCriterion";

    /// <summary><c>CFRubricCriterionLevel</c>.</summary>
    public const string CFRubricCriterionLevel = "CFRubricCriterionLevel";

    /// <summary><c>CTDL</c>.</summary>
    public const string CTDL = "CTDL";

    /// <summary>The values the specification defines (extensions with the <c>ext:</c> prefix are also valid).</summary>
    public static FrozenSet<string> Defined { get; } = FrozenSet.Create(StringComparer.Ordinal,
        CeasnCompetency, CetermsCredential, CFItem, CFRubric, CFRubricCriterion, CFRubricCriterionLevel, CTDL);

    /// <summary>True when <paramref name="value"/> is a defined value or an <c>ext:</c> extension term.</summary>
    public static bool IsValid(string value) => Defined.Contains(value) || ExtensionTerm.IsValid(value);
}
