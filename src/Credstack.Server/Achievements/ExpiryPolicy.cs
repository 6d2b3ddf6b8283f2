namespace Credstack.Server.Achievements;

/// <summary>
/// When credentials for the achievement stop being valid (their <c>validUntil</c>): <c>none</c>,
/// a <c>fixed</c> date, or a <c>duration</c> after issuance (ISO 8601, e.g. <c>P2Y</c>).
/// </summary>
internal sealed record ExpiryPolicy(string? Kind, DateTimeOffset? Date = null, string? Duration = null)
{
    public const string None = "none";
    public const string Fixed = "fixed";
    public const string AfterIssuance = "duration";

    /// <summary>The <c>validUntil</c> of a credential issued at <paramref name="issuedAt"/> under this (validated) policy; null when it does not expire.</summary>
    public DateTimeOffset? ValidUntil(DateTimeOffset issuedAt) => Kind switch
    {
        Fixed => Date,
        AfterIssuance when IsoDuration.TryParse(Duration, out var duration) => duration.AddTo(issuedAt),
        _ => null,
    };
}
