using System.CommandLine;
using System.Data.Common;
using Credstack.Server.Storage;

namespace Credstack.Cli.Commands.Server;

/// <summary>
/// <c>credstack migrate</c>: applies the server's pending migration scripts to its database. The
/// step operators run before starting (or upgrading) servers on PostgreSQL; SQLite servers also
/// migrate themselves at start-up.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var provider = ServerStorageSettings.ProviderOption();
        var connectionString = ServerStorageSettings.ConnectionStringOption();
        var pendingOnly = new Option<bool>("--pending") { Description = "List the pending migrations without applying them." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
        var command = new Command("migrate", "Apply the server's pending database migrations (PostgreSQL or SQLite).")
        {
            provider, connectionString, pendingOnly, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult, "migrate", json);
            var (options, error) = ServerStorageSettings.Read(parseResult.GetValue(provider), parseResult.GetValue(connectionString));
            if (options is null)
            {
                return output.Fail(ExitCodes.UsageError, "usage", error!);
            }

            IConnectionFactory connections;
            try
            {
                connections = StorageSetup.Create(options);
            }
            catch (ArgumentException e)
            {
                return output.Fail(ExitCodes.InvalidInput, "connection-string", e.Message);
            }

            try
            {
                var runner = new MigrationRunner(connections, TimeProvider.System);
                if (parseResult.GetValue(pendingOnly))
                {
                    var pending = await runner.PendingAsync(cancellationToken).ConfigureAwait(false);
                    Report(output, "pending", pending, pending.Count == 0 ? "The database is up to date." : null);
                    return ExitCodes.Success;
                }

                var report = await runner.MigrateAsync(cancellationToken).ConfigureAwait(false);
                if (!report.Succeeded)
                {
                    Report(output, "applied", report.Applied, null);
                    return output.Fail(ExitCodes.ProcessingFailed, "migration", report.Problem!);
                }

                Report(output, "applied", report.Applied, report.Applied.Count == 0 ? "The database is up to date." : null);
                return ExitCodes.Success;
            }
            catch (DbException e)
            {
                return output.Fail(ExitCodes.ProcessingFailed, "database", $"{options.Provider} database: {e.Message}");
            }
            finally
            {
                if (connections is IAsyncDisposable disposable)
                {
                    await disposable.DisposeAsync().ConfigureAwait(false);
                }
            }
        });
        return command;
    }

    private static void Report(CliOutput output, string verb, IReadOnlyList<Migration> migrations, string? nothing)
    {
        if (output.Json)
        {
            output.WriteJsonLine(writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray(verb);
                foreach (var migration in migrations)
                {
                    writer.WriteStringValue($"{migration.Version:D4}_{migration.Name}");
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
            return;
        }

        foreach (var migration in migrations)
        {
            output.Out.WriteLine($"{verb} {migration.Version:D4}_{migration.Name}");
        }

        if (nothing is not null)
        {
            output.Out.WriteLine(nothing);
        }
    }
}
