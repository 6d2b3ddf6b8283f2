using System.Globalization;
using Credstack.Server.Awards;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Console;

/// <summary>
/// The dashboard's figures over an organization's awards: totals by state and awards issued per day.
/// One query each; the day of a timestamp is the one expression that differs between the providers.
/// </summary>
internal sealed class ConsoleStatistics(IConnectionFactory connections, TimeProvider time)
{
    public async Task<AwardTotals> TotalsAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Issued, long Claimed, long Revoked, long Suspended, long Expired)>(new CommandDefinition(
            """
            SELECT COUNT(*),
                   COALESCE(SUM(CASE WHEN claimed_at IS NOT NULL THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN status = @revoked THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN status = @suspended THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN valid_until IS NOT NULL AND valid_until <= @now THEN 1 ELSE 0 END), 0)
            FROM awards WHERE organization_id = @organizationId;
            """,
            new { organizationId, revoked = AwardStatuses.Revoked, suspended = AwardStatuses.Suspended, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
        return new AwardTotals(row.Issued, row.Claimed, row.Revoked, row.Suspended, row.Expired);
    }

    /// <summary>Awards issued on each of the last <paramref name="days"/> UTC days, oldest first, today last.</summary>
    public async Task<IReadOnlyList<DailyCount>> IssuedPerDayAsync(string organizationId, int days, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = today.AddDays(1 - days);
        // One grouped scan of the window (a CASE per day made the dashboard the slowest page at 10,000 credentials).
        // Timestamps are UTC on both providers: SQLite keeps ISO 8601 text, so its first ten characters are the day.
        var day = connections.Provider is StorageProvider.Postgres
            ? "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
            : "substr(created_at, 1, 10)";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Day, long Count)>(new CommandDefinition(
            $"SELECT {day} AS day, COUNT(*) FROM awards WHERE organization_id = @organizationId AND created_at >= @from GROUP BY {day};",
            new { organizationId, from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) },
            cancellationToken: cancellationToken));
        var byDay = rows.ToDictionary(r => r.Day, r => r.Count, StringComparer.Ordinal);
        return [.. Enumerable.Range(0, days).Select(i => first.AddDays(i)).Select(d =>
            new DailyCount(d, byDay.GetValueOrDefault(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))];
    }
}
