namespace Credstack.Cli.Tests.Server;

public sealed class MigrateCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("credstack-migrate-");

    private string ConnectionString => $"Data Source={Path.Combine(_directory.FullName, "credstack.db")};Pooling=False";

    [Fact]
    public async Task Migrate_applies_the_core_schema_once_and_then_reports_an_up_to_date_database()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "migrate", "--provider", "sqlite", "--connection-string", ConnectionString);
        Assert.True(exit == 0, stderr);
        Assert.Contains("applied 0001_core", stdout, StringComparison.Ordinal);

        (exit, stdout, _) = await CliRunner.RunAsync(null, "migrate", "--provider", "sqlite", "--connection-string", ConnectionString, "--json");
        Assert.Equal(0, exit);
        Assert.Equal("{\"applied\":[]}", stdout.Trim());
    }

    [Fact]
    public async Task Migrate_pending_lists_without_applying()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(null, "migrate", "--pending", "--provider", "sqlite", "--connection-string", ConnectionString);
        Assert.Equal(0, exit);
        Assert.Contains("pending 0001_core", stdout, StringComparison.Ordinal);
        (_, stdout, _) = await CliRunner.RunAsync(null, "migrate", "--pending", "--provider", "sqlite", "--connection-string", ConnectionString);
        Assert.Contains("pending 0001_core", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_with_an_unknown_provider_is_a_usage_error()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync(null, "migrate", "--provider", "mysql");
        Assert.Equal(2, exit);
        Assert.Contains("sqlite or postgres", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_against_an_unreachable_PostgreSQL_fails_with_the_processing_exit_code()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync(null, "migrate", "--provider", "postgres", "--connection-string", "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");
        Assert.Equal(4, exit);
        Assert.Contains("Postgres database", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
