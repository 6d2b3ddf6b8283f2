using System.Data.Common;
using Npgsql;

namespace Credstack.Server.Storage;

/// <summary>PostgreSQL connections from one pooled <see cref="NpgsqlDataSource"/>.</summary>
internal sealed class PostgresConnectionFactory(string connectionString) : IConnectionFactory, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public StorageProvider Provider => StorageProvider.Postgres;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
