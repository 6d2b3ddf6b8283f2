using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Credstack.Server.Storage;

/// <summary>
/// Applies the embedded migration scripts of one provider in version order, each in its own
/// transaction, and records them in <c>schema_migrations</c> with a checksum. Safe to run from
/// several processes at once: PostgreSQL takes an advisory lock, SQLite an immediate transaction,
/// and each script re-checks that it is still pending inside its transaction.
/// </summary>
internal sealed class MigrationRunner(IConnectionFactory connections, TimeProvider time)
{
    // Any constant works; it only has to be the same for every Credstack process on a cluster.
    private const long PostgresLockKey = 0x43_52_45_44_53_54;

    private static readonly Dictionary<StorageProvider, IReadOnlyList<Migration>> Scripts = new()
    {
        [StorageProvider.Sqlite] = Load(StorageProvider.Sqlite),
        [StorageProvider.Postgres] = Load(StorageProvider.Postgres),
    };

    /// <summary>The migrations shipped for <paramref name="provider"/>, in version order.</summary>
    public static IReadOnlyList<Migration> For(StorageProvider provider) => Scripts[provider];

    /// <summary>The shipped migrations not yet applied to the database.</summary>
    public async Task<IReadOnlyList<Migration>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await EnsureHistoryTableAsync(connection, cancellationToken);
        var applied = await AppliedAsync(connection, null, cancellationToken);
        return [.. For(connections.Provider).Where(m => !applied.ContainsKey(m.Version))];
    }

    /// <summary>Applies every pending migration; stops at the first one that fails or at an edited applied script.</summary>
    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (connections.Provider is StorageProvider.Sqlite)
        {
            // WAL lets readers run while a writer commits; the mode is stored in the file, so once is enough.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key);", new { key = PostgresLockKey }, cancellationToken: cancellationToken));
        }

        try
        {
            return await MigrateCoreAsync(connection, cancellationToken);
        }
        finally
        {
            if (connections.Provider is StorageProvider.Postgres)
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key);", new { key = PostgresLockKey }, cancellationToken: CancellationToken.None));
            }
        }
    }

    private async Task<MigrationReport> MigrateCoreAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await EnsureHistoryTableAsync(connection, cancellationToken);
        var known = await AppliedAsync(connection, null, cancellationToken);
        foreach (var migration in For(connections.Provider))
        {
            if (known.TryGetValue(migration.Version, out var checksum) && !string.Equals(checksum, migration.Checksum, StringComparison.Ordinal))
            {
                return new MigrationReport([], $"migration {migration.Version:D4}_{migration.Name} was changed after it was applied (checksum {checksum}, now {migration.Checksum}); add a new migration instead of editing an applied one");
            }
        }

        var applied = new List<Migration>();
        foreach (var migration in For(connections.Provider).Where(m => !known.ContainsKey(m.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var now = await AppliedAsync(connection, transaction, cancellationToken);
            if (now.ContainsKey(migration.Version))
            {
                // Another process applied it between our read and our lock.
                continue;
            }

            try
            {
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            }
            catch (DbException e)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return new MigrationReport(applied, $"migration {migration.Version:D4}_{migration.Name} failed and was rolled back: {e.Message}");
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@Version, @Name, @Checksum, @AppliedAt);",
                new { migration.Version, migration.Name, migration.Checksum, AppliedAt = time.GetUtcNow() },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            applied.Add(migration);
        }

        return new MigrationReport(applied, null);
    }

    private async Task EnsureHistoryTableAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var timestamp = connections.Provider is StorageProvider.Sqlite ? "TEXT" : "timestamptz";
        await connection.ExecuteAsync(new CommandDefinition(
            $"CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at {timestamp} NOT NULL);",
            cancellationToken: cancellationToken));
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(long Version, string Checksum)>(new CommandDefinition(
            "SELECT version, checksum FROM schema_migrations;", transaction: transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => checked((int)r.Version), r => r.Checksum);
    }

    private static List<Migration> Load(StorageProvider provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"migrations/{provider}/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = Path.GetFileNameWithoutExtension(resource[prefix.Length..]);
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"migration resource {resource} is not named NNNN_name.sql");
            }

            var sql = Read(assembly, resource);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            migrations.Add(new Migration(version, fileName[(separator + 1)..], sql, checksum));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"two {provider} migrations share version {migrations[i].Version:D4}");
            }
        }

        return migrations;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Line endings differ between checkouts; the checksum must not.
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
