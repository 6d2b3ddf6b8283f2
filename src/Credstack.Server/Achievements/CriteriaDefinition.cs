namespace Credstack.Server.Achievements;

/// <summary>OB 3.0 Criteria: a Markdown narrative and/or the URL of a criteria page; at least one.</summary>
internal sealed record CriteriaDefinition(string? Narrative, string? Url);
