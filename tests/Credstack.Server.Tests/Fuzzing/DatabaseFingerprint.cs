using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Tests.Fuzzing;

/// <summary>
/// The number of rows in every table of the server's database, read in one query: a request that was refused must leave
/// every count as it was (nothing created, nothing half-saved).
/// </summary>
internal sealed class DatabaseFingerprint(IConnectionFactory connections)
{
    private string? _query;

    public async Task<IReadOnlyDictionary<string, long>> ReadAsync()
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        if (_query is null)
        {
            var tables = await connection.QueryAsync<string>(connections.Provider is StorageProvider.Postgres
                ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename;"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;");
            _query = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM {t}")) + ";";
        }

        var rows = await connection.QueryAsync<(string Table, long Rows)>(_query);
        return rows.ToDictionary(r => r.Table, r => r.Rows, StringComparer.Ordinal);
    }

    /// <summary>The tables whose counts differ, as "table: before → after".</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        [.. after.Where(a => !before.TryGetValue(a.Key, out var b) || b != a.Value).Select(a => $"{a.Key}: {before.GetValueOrDefault(a.Key)} → {a.Value}")];
}
