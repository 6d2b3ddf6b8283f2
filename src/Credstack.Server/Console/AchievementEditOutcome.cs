using Credstack.Server.Achievements;

namespace Credstack.Server.Console;

/// <summary>What submitting the achievement form came to: the saved version, or the errors by field and the HTTP status to answer with.</summary>
internal sealed record AchievementEditOutcome(AchievementVersion? Saved, AchievementDefinition Definition, IReadOnlyDictionary<string, string[]> Errors, int Status);
