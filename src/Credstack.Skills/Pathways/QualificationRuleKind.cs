namespace Credstack.Skills.Pathways;

/// <summary>The node kinds of a stacking rule.</summary>
public enum QualificationRuleKind
{
    /// <summary>All of the listed credentials.</summary>
    AllOf,

    /// <summary>At least <c>Count</c> of the listed credentials.</summary>
    AtLeast,

    /// <summary>At least <c>Credits</c> credits from the listed credentials (any credential when the list is empty).</summary>
    MinCredits,

    /// <summary>Every part.</summary>
    Combined,
}
