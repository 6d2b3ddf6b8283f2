using Npgsql;

namespace Credstack.Server.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL cluster the tests may use, named by <c>CREDSTACK_TEST_POSTGRES</c> (a connection
/// string with rights to create databases; ./test.sh starts a throw-away cluster and sets it).
/// Unset: PostgreSQL tests are skipped with a visible reason locally and fail under CI=true.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "CREDSTACK_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why PostgreSQL tests are skipped, or null when they run (always under CI, where a missing cluster fails them).</summary>
    public static string? SkipReason => ConnectionString is null && !Conformance.IsCi
        ? $"PostgreSQL not configured: set {Variable} to a connection string (./test.sh starts a throw-away cluster and sets it)."
        : null;

    /// <summary>Creates an empty database for one test; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var admin = ConnectionString ?? throw new InvalidOperationException($"{Variable} is not set; PostgreSQL tests cannot run (this fails under CI=true by design).");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
