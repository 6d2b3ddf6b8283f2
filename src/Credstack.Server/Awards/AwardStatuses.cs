namespace Credstack.Server.Awards;

/// <summary>The stored lifecycle states of an award. "Expired" is not stored: it follows from <c>validUntil</c>.</summary>
internal static class AwardStatuses
{
    public const string Active = "active";

    /// <summary>Its suspension bit is set; reinstating clears it.</summary>
    public const string Suspended = "suspended";

    /// <summary>Its revocation bit is set, for good.</summary>
    public const string Revoked = "revoked";

    /// <summary>A listing filter only: awards whose <c>validUntil</c> has passed.</summary>
    public const string Expired = "expired";

    /// <summary>The revocation reason recorded when a replacement supersedes an award.</summary>
    public const string SupersededReason = "superseded";
}
