namespace Credstack.Server.Console;

/// <summary>What the credentials page filters by; null is "any". <see cref="From"/> and <see cref="To"/> are UTC days, both included.</summary>
internal sealed record CredentialFilter(string? AchievementId, string? Recipient, string? Status, DateOnly? From, DateOnly? To);
