using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Credstack.Server.Storage;

/// <summary>SQLite connections with foreign keys on, a busy timeout (concurrent writers wait instead of failing) and <c>synchronous = NORMAL</c> (WAL mode).</summary>
internal sealed class SqliteConnectionFactory : IConnectionFactory
{
    private readonly string _connectionString;

    public SqliteConnectionFactory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        if (builder.Mode is SqliteOpenMode.ReadWriteCreate && !string.IsNullOrEmpty(builder.DataSource)
            && !builder.DataSource.Equals(":memory:", StringComparison.Ordinal))
        {
            // The default ./data/credstack.db must work on a fresh checkout with no set-up.
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public StorageProvider Provider => StorageProvider.Sqlite;

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per connection, not per file: SQLite forgets both when a connection closes. In WAL mode, synchronous NORMAL
            // syncs at checkpoints instead of at every commit: a killed process loses no committed transaction (the WAL is
            // in the OS's hands), a power cut may lose the last few; without it every commit waits for the disk.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;", cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
