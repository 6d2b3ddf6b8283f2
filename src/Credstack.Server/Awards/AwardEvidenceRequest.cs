namespace Credstack.Server.Awards;

/// <summary>One OB 3.0 <c>Evidence</c> item: a URL and/or a narrative of what shows the achievement.</summary>
internal sealed record AwardEvidenceRequest(string? Id = null, string? Name = null, string? Description = null, string? Narrative = null, string? Genre = null, string? Audience = null);
