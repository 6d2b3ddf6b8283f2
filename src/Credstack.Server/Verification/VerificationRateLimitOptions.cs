namespace Credstack.Server.Verification;

/// <summary><c>Credstack:Verification:RateLimit</c>: a fixed window per client IP address for the public verification endpoints.</summary>
internal sealed class VerificationRateLimitOptions
{
    /// <summary>Requests one client address may make per <see cref="Window"/>; 0 or less turns the limit off.</summary>
    public int PermitLimit { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
