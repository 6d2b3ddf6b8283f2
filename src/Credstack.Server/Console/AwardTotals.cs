namespace Credstack.Server.Console;

/// <summary>An organization's awards by state, for the dashboard.</summary>
internal sealed record AwardTotals(long Issued, long Claimed, long Revoked, long Suspended, long Expired);
