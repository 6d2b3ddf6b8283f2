using System.Data.Common;

namespace Credstack.Server.Storage;

/// <summary>Opens connections to the configured database; one implementation per <see cref="StorageProvider"/>.</summary>
internal interface IConnectionFactory
{
    StorageProvider Provider { get; }

    /// <summary>An open connection, ready for Dapper; the caller disposes it.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
