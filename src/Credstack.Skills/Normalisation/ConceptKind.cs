namespace Credstack.Skills.Normalisation;

/// <summary>What a label names.</summary>
public enum ConceptKind
{
    /// <summary>A skill or knowledge concept.</summary>
    Skill,

    /// <summary>An occupation.</summary>
    Occupation,
}
