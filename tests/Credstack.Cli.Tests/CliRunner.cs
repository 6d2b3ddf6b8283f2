using System.CommandLine;

namespace Credstack.Cli.Tests;

/// <summary>Runs the real credstack command line in-process and captures exit code, stdout and stderr.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        var previousIn = Console.In;
        try
        {
            if (stdin is not null)
            {
                Console.SetIn(new StringReader(stdin));
            }

            var exit = await CredstackCommand.InvokeAsync(args, config);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetIn(previousIn);
        }
    }
}
