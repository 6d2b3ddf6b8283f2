using Credstack.Server.Storage;
using Credstack.Server.Tests.Infrastructure;
using Dapper;

namespace Credstack.Server.Tests.Storage;

public sealed class StatementBatchTests
{
    [ProviderTheory]
    public async Task A_statement_batch_runs_once_per_row_in_the_transaction_and_reports_what_each_run_changed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var connection = await app.Service<IConnectionFactory>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(provider is DatabaseProvider.Postgres
            ? "CREATE TABLE batch_probe (id BIGINT PRIMARY KEY, name TEXT NULL, at TIMESTAMPTZ NOT NULL);"
            : "CREATE TABLE batch_probe (id BIGINT PRIMARY KEY, name TEXT NULL, at TEXT NOT NULL);");
        var at = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(2));
        // 1,200 rows (more than one round trip on PostgreSQL); the last 200 repeat ids, so they change nothing.
        var rows = Enumerable.Range(0, 1200).Select(i => (Id: (long)(i % 1000), Name: i % 3 == 0 ? null : $"n{i}")).ToList();
        const string Insert = "INSERT INTO batch_probe (id, name, at) VALUES (@id, @name, @at) ON CONFLICT (id) DO NOTHING;";

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var changed = await StatementBatch.ExecuteAsync(connection, transaction, Insert, ["id", "name", "at"], rows, r => [r.Id, r.Name, at], CancellationToken.None);
            Assert.Equal(Enumerable.Range(0, 1200).Select(i => i < 1000 ? 1 : 0), changed);
            await transaction.RollbackAsync();
        }

        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM batch_probe;"));

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await StatementBatch.ExecuteAsync(connection, transaction, Insert, ["id", "name", "at"], rows, r => [r.Id, r.Name, at], CancellationToken.None);
            await transaction.CommitAsync();
        }

        Assert.Equal(1000L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM batch_probe;"));
        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT name FROM batch_probe WHERE id = 3;"));
        Assert.Equal("n4", await connection.ExecuteScalarAsync<string>("SELECT name FROM batch_probe WHERE id = 4;"));
        var stored = await connection.QuerySingleAsync<DateTimeOffset>("SELECT at FROM batch_probe WHERE id = 4;");
        Assert.Equal(at, stored);
        Assert.Equal(TimeSpan.Zero, stored.Offset);
    }
}
