namespace Credstack.Cli.Tests.Server;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_help_names_the_default_address_and_the_demo_switch()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(null, "serve", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("http://localhost:5080", stdout, StringComparison.Ordinal);
        Assert.Contains("--demo", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_help_lists_serve_and_migrate()
    {
        var (_, stdout, _) = await CliRunner.RunAsync(null, "--help");
        Assert.Contains("serve", stdout, StringComparison.Ordinal);
        Assert.Contains("migrate", stdout, StringComparison.Ordinal);
    }
}
