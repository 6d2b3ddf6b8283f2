namespace Credstack.Skills.Normalisation;

/// <summary>One candidate concept for a text.</summary>
/// <param name="ConceptId">The skill or occupation id.</param>
/// <param name="Kind">Skill or occupation.</param>
/// <param name="Label">The label that matched (as written in the taxonomy).</param>
/// <param name="Score">1 for exact, 0.9 × label share of the text for contained, trigram cosine (0–1) for fuzzy.</param>
/// <param name="Method">How it matched.</param>
public sealed record LabelMatch(string ConceptId, ConceptKind Kind, string Label, double Score, MatchMethod Method);
