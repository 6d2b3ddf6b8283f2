namespace Credstack.Skills.Pathways;

/// <summary>An AND/OR rule over credentials that must come before a credential.</summary>
/// <param name="Kind">Credential, all-of or any-of.</param>
/// <param name="CredentialId">The credential, for <see cref="PrerequisiteKind.Credential"/>.</param>
/// <param name="Parts">The parts, for all-of and any-of.</param>
public sealed record Prerequisite(PrerequisiteKind Kind, string? CredentialId, IReadOnlyList<Prerequisite> Parts)
{
    /// <summary>The parts (never null, so rules read from JSON without parts are safe).</summary>
    public IReadOnlyList<Prerequisite> Parts { get; init; } = Parts ?? [];

    /// <summary>One credential.</summary>
    public static Prerequisite Credential(string id) => new(PrerequisiteKind.Credential, id, []);

    /// <summary>Every part.</summary>
    public static Prerequisite AllOf(params Prerequisite[] parts) => new(PrerequisiteKind.AllOf, null, parts);

    /// <summary>Any one part.</summary>
    public static Prerequisite AnyOf(params Prerequisite[] parts) => new(PrerequisiteKind.AnyOf, null, parts);

    /// <summary>Every credential the rule mentions.</summary>
    public IEnumerable<string> CredentialIds() => Kind == PrerequisiteKind.Credential && CredentialId is { } id ? [id] : Parts.SelectMany(p => p.CredentialIds());

    /// <summary>True when the rule holds for a set of credentials.</summary>
    public bool IsSatisfiedBy(Func<string, bool> has)
    {
        ArgumentNullException.ThrowIfNull(has);
        return Kind switch
        {
            PrerequisiteKind.Credential => CredentialId is { } id && has(id),
            PrerequisiteKind.AllOf => Parts.All(p => p.IsSatisfiedBy(has)),
            _ => Parts.Count == 0 || Parts.Any(p => p.IsSatisfiedBy(has)),
        };
    }
}
