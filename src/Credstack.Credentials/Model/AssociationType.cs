// CLR 2.0 data model, enumeration AssociationType (closed vocabulary).
// The value list is the one in the CLR 2.0 JSON Schema kept by the 1EdTech validator.
using System.Collections.Frozen;

namespace Credstack.Credentials.Model;

/// <summary>How two achievements in a CLR relate (<c>Association.associationType</c>, CLR 2.0).</summary>
public static class AssociationType
{
    /// <summary><c>exactMatchOf</c>.</summary>
    public const string ExactMatchOf = "exactMatchOf";

    /// <summary><c>isChildOf</c>.</summary>
    public const string IsChildOf = "isChildOf";

    /// <summary><c>isParentOf</c>.</summary>
    public const string IsParentOf = "isParentOf";

    /// <summary><c>isPartOf</c>.</summary>
    public const string IsPartOf = "isPartOf";

    /// <summary><c>isPeerOf</c>.</summary>
    public const string IsPeerOf = "isPeerOf";

    /// <summary><c>isRelatedTo</c>.</summary>
    public const string IsRelatedTo = "isRelatedTo";

    /// <summary><c>precedes</c>.</summary>
    public const string Precedes = "precedes";

    /// <summary><c>replacedBy</c>.</summary>
    public const string ReplacedBy = "replacedBy";

    /// <summary>The values the specification defines.</summary>
    public static FrozenSet<string> Defined { get; } = FrozenSet.Create(StringComparer.Ordinal,
        ExactMatchOf, IsChildOf, IsParentOf, IsPartOf, IsPeerOf, IsRelatedTo, Precedes, ReplacedBy);

    /// <summary>True when <paramref name="value"/> is a defined value.</summary>
    public static bool IsValid(string value) => Defined.Contains(value);
}
