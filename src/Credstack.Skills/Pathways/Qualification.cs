namespace Credstack.Skills.Pathways;

/// <summary>A stackable qualification earned by holding credentials that satisfy a rule.</summary>
/// <param name="Id">The qualification id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Rule">What completes it.</param>
public sealed record Qualification(string Id, string Title, QualificationRule Rule);
