using System.CommandLine;
using Credstack.Cli;

// The credstack command: each subcommand lives in Commands/ and builds its own Command.
// Bad input is reported by the commands with named exit codes; anything that escapes them is a
// bug or a broken environment, reported once here without a stack trace.
var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
try
{
    return await CredstackCommand.InvokeAsync(args, configuration).ConfigureAwait(false);
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    await Console.Error.WriteLineAsync($"credstack: internal error ({e.GetType().Name}): {e.Message}").ConfigureAwait(false);
    return ExitCodes.InternalError;
}
