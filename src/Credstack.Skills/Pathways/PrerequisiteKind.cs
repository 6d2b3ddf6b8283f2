namespace Credstack.Skills.Pathways;

/// <summary>The node kinds of a prerequisite rule.</summary>
public enum PrerequisiteKind
{
    /// <summary>One credential must be held or taken first.</summary>
    Credential,

    /// <summary>Every part must be satisfied.</summary>
    AllOf,

    /// <summary>At least one part must be satisfied.</summary>
    AnyOf,
}
