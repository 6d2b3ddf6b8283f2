using System.Globalization;
using System.Text;
using Credstack.Server.Awards;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Console;

/// <summary>
/// The dashboard's figures over an organization's awards: totals by state and awards issued per day.
/// One query each, in SQL both providers run (day buckets are ranges of parameters, not date functions).
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
        var today = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var starts = Enumerable.Range(0, days + 1).Select(i => today.AddDays(i - days + 1)).ToArray();
        var sql = new StringBuilder("SELECT ");
        var parameters = new DynamicParameters(new { organizationId });
        for (var i = 0; i <= days; i++)
        {
            parameters.Add("d" + i.ToString(CultureInfo.InvariantCulture), starts[i]);
        }

        for (var i = 0; i < days; i++)
        {
            var from = "@d" + i.ToString(CultureInfo.InvariantCulture);
            var to = "@d" + (i + 1).ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"COALESCE(SUM(CASE WHEN created_at >= {from} AND created_at < {to} THEN 1 ELSE 0 END), 0)");
        }

        sql.Append(" FROM awards WHERE organization_id = @organizationId AND created_at >= @d0;");
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql.ToString(), parameters, cancellationToken: cancellationToken));
        var counts = new List<DailyCount>(days);
        if (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < days; i++)
            {
                counts.Add(new DailyCount(DateOnly.FromDateTime(starts[i].UtcDateTime), Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture)));
            }
        }

        return counts;
    }
}
