// W3C Bitstring Status List v1.0, §2.2 "ttl" (how long a verifier may cache a list) and §6
// (bounded resource use).
namespace Credstack.Credentials.Status;

/// <summary>Limits and caching for <see cref="StatusListChecker"/>.</summary>
public sealed record StatusListCheckerOptions
{
    /// <summary>The defaults.</summary>
    public static StatusListCheckerOptions Default { get; } = new();

    /// <summary>How long a list without <c>ttl</c> stays cached (5 minutes).</summary>
    public TimeSpan DefaultCacheDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Upper bound on caching, whatever <c>ttl</c> says (1 day).</summary>
    public TimeSpan MaxCacheDuration { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How many lists are cached at most (least recently used are dropped).</summary>
    public int CacheCapacity { get; init; } = 256;

    /// <summary>Largest fetched document accepted, in bytes (2 MiB).</summary>
    public int MaxDocumentBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Limits for decoding <c>encodedList</c>.</summary>
    public StatusListDecodeOptions Decode { get; init; } = StatusListDecodeOptions.Default;

    /// <summary>Tolerance for clock differences when checking <c>validFrom</c>/<c>validUntil</c> (none by default).</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.Zero;
}
