namespace Credstack.Skills.Pathways;

/// <summary>A stacking rule: "all of A, B and any two of C–F", "at least 30 credits".</summary>
/// <param name="Kind">The kind of rule.</param>
/// <param name="CredentialIds">The credentials the rule counts.</param>
/// <param name="Count">For at-least: how many.</param>
/// <param name="Credits">For min-credits: how many credits.</param>
/// <param name="Parts">For combined: the parts.</param>
public sealed record QualificationRule(QualificationRuleKind Kind, IReadOnlyList<string> CredentialIds, int Count, double Credits, IReadOnlyList<QualificationRule> Parts)
{
    /// <summary>The credentials the rule counts (never null).</summary>
    public IReadOnlyList<string> CredentialIds { get; init; } = CredentialIds ?? [];

    /// <summary>The parts (never null).</summary>
    public IReadOnlyList<QualificationRule> Parts { get; init; } = Parts ?? [];

    /// <summary>All of the credentials.</summary>
    public static QualificationRule AllOf(params string[] ids) => new(QualificationRuleKind.AllOf, ids, 0, 0, []);

    /// <summary>At least <paramref name="count"/> of the credentials.</summary>
    public static QualificationRule AtLeast(int count, params string[] ids) => new(QualificationRuleKind.AtLeast, ids, count, 0, []);

    /// <summary>At least <paramref name="credits"/> credits, from the credentials given (any when none).</summary>
    public static QualificationRule MinCredits(double credits, params string[] ids) => new(QualificationRuleKind.MinCredits, ids, 0, credits, []);

    /// <summary>Every part.</summary>
    public static QualificationRule Combined(params QualificationRule[] parts) => new(QualificationRuleKind.Combined, [], 0, 0, parts);

    /// <summary>True when the rule holds for a set of credentials.</summary>
    public bool IsSatisfiedBy(IReadOnlySet<string> held, Func<string, double> creditsOf)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(creditsOf);
        return Kind switch
        {
            QualificationRuleKind.AllOf => CredentialIds.All(held.Contains),
            QualificationRuleKind.AtLeast => CredentialIds.Count(held.Contains) >= Count,
            QualificationRuleKind.MinCredits => (CredentialIds.Count == 0 ? held : CredentialIds.Where(held.Contains)).Sum(creditsOf) >= Credits,
            _ => Parts.All(p => p.IsSatisfiedBy(held, creditsOf)),
        };
    }

    /// <summary>Every credential the rule names.</summary>
    public IEnumerable<string> Mentions() => CredentialIds.Concat(Parts.SelectMany(p => p.Mentions()));
}
