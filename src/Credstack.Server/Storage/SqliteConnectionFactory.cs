using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Credstack.Server.Storage;

/// <summary>SQLite connections with foreign keys on and a busy timeout, so concurrent writers wait instead of failing.</summary>
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
            // Per connection, not per file: SQLite forgets the busy timeout when a connection closes.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA busy_timeout = 5000;", cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
