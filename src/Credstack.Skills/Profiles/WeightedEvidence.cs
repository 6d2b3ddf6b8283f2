namespace Credstack.Skills.Profiles;

/// <summary>A piece of evidence in a profile with the weight it was given and how its skill was resolved.</summary>
/// <param name="Evidence">The evidence as given.</param>
/// <param name="Weight">Its trust weight (source × result × decay).</param>
/// <param name="ResolvedBy">"id", "uri/code", or how a free-text label was normalised ("exact label", "fuzzy 0.72").</param>
public sealed record WeightedEvidence(SkillEvidence Evidence, double Weight, string ResolvedBy);
