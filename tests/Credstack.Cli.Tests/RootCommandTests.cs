namespace Credstack.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public async Task Help_lists_the_command_and_exits_with_success()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(null, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Credstack", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "no-such-command");
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("no-such-command", stderr, StringComparison.Ordinal);
    }
}
