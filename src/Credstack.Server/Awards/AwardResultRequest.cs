namespace Credstack.Server.Awards;

/// <summary>One OB 3.0 <c>Result</c>: a value or a status, optionally against one of the achievement's result descriptions.</summary>
internal sealed record AwardResultRequest(string? ResultDescription = null, string? Value = null, string? Status = null, string? AchievedLevel = null);
