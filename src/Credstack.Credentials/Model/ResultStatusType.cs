// Open Badges 3.0 §B (data model), enumeration ResultStatusType (closed vocabulary).
// The value list is the one in the 1EdTech JSON Schema (gh-pages build, 2025-03-27).
using System.Collections.Frozen;

namespace Credstack.Credentials.Model;

/// <summary>The status of a <see cref="Result"/> (<c>status</c>).</summary>
public static class ResultStatusType
{
    /// <summary><c>Completed</c>.</summary>
    public const string Completed = "Completed";

    /// <summary><c>Enrolled</c>.</summary>
    public const string Enrolled = "Enrolled";

    /// <summary><c>Failed</c>.</summary>
    public const string Failed = "Failed";

    /// <summary><c>InProgress</c>.</summary>
    public const string InProgress = "InProgress";

    /// <summary><c>OnHold</c>.</summary>
    public const string OnHold = "OnHold";

    /// <summary><c>Provisional</c>.</summary>
    public const string Provisional = "Provisional";

    /// <summary><c>Withdrew</c>.</summary>
    public const string Withdrew = "Withdrew";

    /// <summary>The values the specification defines.</summary>
    public static FrozenSet<string> Defined { get; } = FrozenSet.Create(StringComparer.Ordinal,
        Completed, Enrolled, Failed, InProgress, OnHold, Provisional, Withdrew);

    /// <summary>True when <paramref name="value"/> is a defined value.</summary>
    public static bool IsValid(string value) => Defined.Contains(value);
}
