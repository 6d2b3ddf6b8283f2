namespace Credstack.Server.Awards;

/// <summary>One item of a batch: the award issued, or the problem that kept it from being issued.</summary>
internal sealed record BatchAwardResult(int Index, string Outcome, string? AwardId, string? CredentialId, string? ProblemType, string? Detail);
