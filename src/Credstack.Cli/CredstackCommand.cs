using System.CommandLine;
using Credstack.Cli.Commands.Baking;
using Credstack.Cli.Commands.Canonicalization;
using Credstack.Cli.Commands.Issue;
using Credstack.Cli.Commands.JsonLd;
using Credstack.Cli.Commands.Keys;
using Credstack.Cli.Commands.Log;
using Credstack.Cli.Commands.Server;
using Credstack.Cli.Commands.Sign;
using Credstack.Cli.Commands.Skills;
using Credstack.Cli.Commands.Status;
using Credstack.Cli.Commands.Verify;

namespace Credstack.Cli;

/// <summary>Builds the root <c>credstack</c> command with every subcommand; tests parse real command lines through it.</summary>
internal static class CredstackCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Credstack: issue, verify, hold and stack micro-credentials (Open Badges 3.0 / W3C Verifiable Credentials).");
        root.Subcommands.Add(CanonicalizeCommand.Create());
        root.Subcommands.Add(JsonLdCommand.Create());
        root.Subcommands.Add(LogCommand.Create());
        root.Subcommands.Add(SkillsCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(SignCommand.Create());
        root.Subcommands.Add(BakeCommand.Create());
        root.Subcommands.Add(UnbakeCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(IssueCommand.Create());
        root.Subcommands.Add(IssueBulkCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs a command line. A command line that does not parse prints its errors on
    /// stderr and exits with <see cref="ExitCodes.UsageError"/>, so scripts can tell it from bad input.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var parseResult = Create().Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await configuration.Error.WriteLineAsync($"credstack: {error.Message}").ConfigureAwait(false);
            }

            await configuration.Error.WriteLineAsync("Run 'credstack --help' (or the command with --help) for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
