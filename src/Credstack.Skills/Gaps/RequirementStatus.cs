namespace Credstack.Skills.Gaps;

/// <summary>Whether a requirement is met.</summary>
public enum RequirementStatus
{
    /// <summary>Met: the skill (or a narrower one) at the level asked, with trusted evidence.</summary>
    Met,

    /// <summary>Partly met: through a broader or related skill, at a lower level, or on weak evidence only.</summary>
    Partial,

    /// <summary>No evidence for the skill or any stand-in.</summary>
    Missing,
}
