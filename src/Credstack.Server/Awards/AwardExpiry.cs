namespace Credstack.Server.Awards;

/// <summary>
/// An achievement's expiry policy as awards apply it: none, a fixed date, or a period after issuance
/// (the years, months and days of an ISO 8601 duration such as <c>P2Y</c>, added in calendar terms).
/// </summary>
internal sealed record AwardExpiry(DateTimeOffset? FixedDate = null, int Years = 0, int Months = 0, int Days = 0)
{
    public static AwardExpiry None { get; } = new();

    /// <summary>The <c>validUntil</c> of a credential valid from <paramref name="validFrom"/>; null when it does not expire.</summary>
    public DateTimeOffset? ValidUntil(DateTimeOffset validFrom)
    {
        if (FixedDate is { } date)
        {
            return date;
        }

        return Years == 0 && Months == 0 && Days == 0 ? null : validFrom.AddYears(Years).AddMonths(Months).AddDays(Days);
    }
}
