using System.CommandLine;

namespace Credstack.Cli.Commands.Log;

/// <summary><c>credstack log</c>: create, append to, sign, prove and monitor a Merkle transparency log.</summary>
internal static class LogCommand
{
    public static Command Create()
    {
        var options = new LogOptions();
        var command = new Command("log", "Work with a transparency log: an append-only RFC 9162 Merkle log with C2SP signed checkpoints.");
        command.Options.Add(options.Dir);
        command.Options.Add(options.Json);
        command.Subcommands.Add(LogInitCommand.Create(options));
        command.Subcommands.Add(LogAppendCommand.Create(options));
        command.Subcommands.Add(LogCheckpointCommand.Create(options));
        command.Subcommands.Add(LogProveCommand.Create(options));
        command.Subcommands.Add(LogVerifyInclusionCommand.Create(options));
        command.Subcommands.Add(LogVerifyConsistencyCommand.Create(options));
        command.Subcommands.Add(LogMonitorCommand.Create(options));
        return command;
    }

    /// <summary>The log directory from <c>--dir</c>, or null after reporting that it is missing.</summary>
    internal static LogDirectory? RequireDir(ParseResult parseResult, LogOptions options, CommandOutput output)
    {
        var dir = parseResult.GetValue(options.Dir);
        if (dir is null)
        {
            output.Fail(ExitCodes.UsageError, "this command needs --dir DIR");
            return null;
        }

        return new LogDirectory(dir.FullName);
    }
}
