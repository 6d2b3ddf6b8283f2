// JSON-LD 1.1 API §4.1 "Context Processing Algorithms", the term definition of an active context.
// Immutable once created, so definitions are shared between every context derived from the one
// that defined them.
using System.Text.Json;

namespace Credstack.JsonLd.Processing;

/// <summary>One term definition of an active context.</summary>
internal sealed class TermDefinition
{
    /// <summary>The IRI or keyword the term maps to; null for a term explicitly mapped to null.</summary>
    public string? IriMapping { get; init; }

    public bool IsPrefix { get; init; }

    public bool IsProtected { get; init; }

    public bool IsReverse { get; init; }

    public string? BaseUrl { get; init; }

    public ScopedContext? LocalContext { get; init; }

    public ContainerKinds Container { get; init; }

    /// <summary>True when the definition has a direction mapping (which may be null: "no direction").</summary>
    public bool HasDirection { get; init; }

    public string? Direction { get; init; }

    public string? IndexMapping { get; init; }

    /// <summary>True when the definition has a language mapping (which may be null: "no language").</summary>
    public bool HasLanguage { get; init; }

    public string? Language { get; init; }

    public string? NestValue { get; init; }

    public string? TypeMapping { get; init; }

    /// <summary>Equality other than <see cref="IsProtected"/>, for "protected term redefinition" (§4.2.2 step 27).</summary>
    public bool SameAsIgnoringProtection(TermDefinition other) =>
        string.Equals(IriMapping, other.IriMapping, StringComparison.Ordinal)
        && IsPrefix == other.IsPrefix
        && IsReverse == other.IsReverse
        && Container == other.Container
        && HasDirection == other.HasDirection
        && string.Equals(Direction, other.Direction, StringComparison.Ordinal)
        && string.Equals(IndexMapping, other.IndexMapping, StringComparison.Ordinal)
        && HasLanguage == other.HasLanguage
        && string.Equals(Language, other.Language, StringComparison.Ordinal)
        && string.Equals(NestValue, other.NestValue, StringComparison.Ordinal)
        && string.Equals(TypeMapping, other.TypeMapping, StringComparison.Ordinal)
        && SameContext(LocalContext, other.LocalContext);

    private static bool SameContext(ScopedContext? a, ScopedContext? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return ReferenceEquals(a, b) || JsonElement.DeepEquals(a.Value, b.Value);
    }
}
