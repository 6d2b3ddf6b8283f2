using System.Text.RegularExpressions;
using Credstack.Server.Storage;
using Credstack.Server.Tests.Infrastructure;
using Dapper;

namespace Credstack.Server.Tests.Storage;

public sealed class MigrationTests
{
    [Fact]
    public void Both_providers_ship_the_same_migrations_by_number_and_name()
    {
        var sqlite = MigrationRunner.For(StorageProvider.Sqlite).Select(m => $"{m.Version:D4}_{m.Name}");
        var postgres = MigrationRunner.For(StorageProvider.Postgres).Select(m => $"{m.Version:D4}_{m.Name}");
        Assert.Equal(sqlite, postgres);
        Assert.Contains("0001_core", sqlite);
    }

    [Fact]
    public void Every_migration_number_is_in_a_reserved_range()
    {
        // Storage/Migrations/README.md: core 1-99, issuance 100-199, oauth 200-299, bulk 300-399, verification 400-499, web 500-599.
        foreach (var migration in MigrationRunner.For(StorageProvider.Sqlite))
        {
            Assert.InRange(migration.Version, 1, 599);
        }
    }

    [ProviderTheory]
    public async Task Migrating_applies_every_script_once_and_a_second_run_applies_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var runner = app.Service<MigrationRunner>();
        var again = await runner.MigrateAsync(CancellationToken.None);
        Assert.True(again.Succeeded, again.Problem);
        Assert.Empty(again.Applied);
        Assert.Empty(await runner.PendingAsync(CancellationToken.None));

        await using var connection = await app.Service<IConnectionFactory>().OpenAsync(CancellationToken.None);
        var recorded = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version;")).ToList();
        Assert.Equal(MigrationRunner.For(app.Service<IConnectionFactory>().Provider).Select(m => (long)m.Version), recorded);
    }

    [ProviderTheory]
    public async Task An_applied_script_that_was_edited_stops_the_migration_with_a_clear_reason(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var connection = await app.Service<IConnectionFactory>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1;");
        }

        var report = await app.Service<MigrationRunner>().MigrateAsync(CancellationToken.None);
        Assert.False(report.Succeeded);
        Assert.Matches(new Regex("0001_core was changed after it was applied"), report.Problem);
    }

    [ProviderTheory]
    public async Task SQLite_runs_in_WAL_mode_with_foreign_keys_enforced(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var connection = await app.Service<IConnectionFactory>().OpenAsync(CancellationToken.None);
        if (provider is DatabaseProvider.Sqlite)
        {
            Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
            Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys;"));
        }

        // On both: a membership of an organization that does not exist is refused by the database.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(
            "INSERT INTO memberships (organization_id, account_id, role, created_at) VALUES ('no-org', 'no-account', 'owner', @now);",
            new { now = app.Clock.GetUtcNow() }));
    }

    [Fact]
    public async Task SQLite_connections_sync_the_WAL_at_checkpoints_not_at_every_commit()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await using var connection = await app.Service<IConnectionFactory>().OpenAsync(CancellationToken.None);

        // 1 = NORMAL (2 = FULL, SQLite's default): bulk issuance commits a transaction per batch without waiting for the disk.
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous;"));
        Assert.Equal(5000L, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout;"));
    }

    [PostgresFact]
    public async Task The_server_refuses_to_start_on_a_PostgreSQL_database_with_pending_migrations()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(DatabaseProvider.Postgres, migratePostgres: false));
        Assert.Contains("credstack migrate", failure.Message, StringComparison.Ordinal);
    }
}
