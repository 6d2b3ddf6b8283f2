namespace Credstack.Skills.Taxonomies;

/// <summary>One skill an occupation or job asks for.</summary>
/// <param name="SkillId">The skill's id in the taxonomy.</param>
/// <param name="MustHave">True for an essential skill (must-have), false for an optional one (nice-to-have).</param>
/// <param name="Importance">Importance 1–5 (O*NET IM scale), when known.</param>
/// <param name="Level">Required level 0–7 (O*NET LV scale), when known.</param>
public sealed record SkillRequirement(string SkillId, bool MustHave, int? Importance = null, int? Level = null)
{
    /// <summary>The weight of the requirement in totals: the importance when given, otherwise 3 for a must-have and 1 for a nice-to-have.</summary>
    public double Weight => Importance ?? (MustHave ? 3 : 1);
}
