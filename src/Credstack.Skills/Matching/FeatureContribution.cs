namespace Credstack.Skills.Matching;

/// <summary>One line of a score: weight × value = contribution.</summary>
/// <param name="Feature">coverage, mustHave, verified, levelFit, title or recency.</param>
/// <param name="Weight">The feature's weight.</param>
/// <param name="Value">The feature's value in [0, 1].</param>
/// <param name="Contribution">Weight × value.</param>
public sealed record FeatureContribution(string Feature, double Weight, double Value, double Contribution);
