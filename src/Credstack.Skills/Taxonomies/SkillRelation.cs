namespace Credstack.Skills.Taxonomies;

/// <summary>How a skill a person has relates to a skill that is asked for.</summary>
public enum SkillRelation
{
    /// <summary>The same skill.</summary>
    Exact,

    /// <summary>The person has a narrower (more specific) skill than the one asked for.</summary>
    Narrower,

    /// <summary>The person has a broader (more general) skill than the one asked for.</summary>
    Broader,

    /// <summary>The person has a related skill.</summary>
    Related,
}
