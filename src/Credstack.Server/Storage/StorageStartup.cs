namespace Credstack.Server.Storage;

/// <summary>
/// Gets the database ready before the server takes requests: SQLite is migrated in place (a
/// single-file install must just work); PostgreSQL is only checked, because on a shared cluster
/// schema changes are an operator's step (<c>credstack migrate</c>), not a side effect of a node starting.
/// </summary>
internal sealed partial class StorageStartup(IConnectionFactory connections, MigrationRunner migrations, ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (connections.Provider is StorageProvider.Sqlite)
        {
            var report = await migrations.MigrateAsync(cancellationToken);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException("The SQLite database could not be migrated: " + report.Problem);
            }

            foreach (var migration in report.Applied)
            {
                LogApplied(logger, migration.Version, migration.Name);
            }

            return;
        }

        var pending = await migrations.PendingAsync(cancellationToken);
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL database has {pending.Count} pending migration(s) (first: {pending[0].Version:D4}_{pending[0].Name}). Run 'credstack migrate' with the same Credstack:Storage settings, then start the server again.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version:D4}_{Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
