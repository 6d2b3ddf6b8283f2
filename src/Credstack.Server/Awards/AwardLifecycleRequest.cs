namespace Credstack.Server.Awards;

/// <summary>The body of revoke, suspend and reinstate: the reason, recorded with the change (required for revoke).</summary>
internal sealed record AwardLifecycleRequest(string? Reason = null);
