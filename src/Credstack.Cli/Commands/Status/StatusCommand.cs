using System.CommandLine;

namespace Credstack.Cli.Commands.Status;

/// <summary>
/// <c>credstack status</c>: keeps a local W3C Bitstring Status List (a state file plus, with a key, the signed
/// <c>BitstringStatusListCredential</c> to publish) and checks credentials against status lists offline.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Write machine-readable JSON to stdout (errors too); human text goes to stderr.", Recursive = true };
        var command = new Command("status", "Manage a local Bitstring Status List (create, allocate, set, clear) and check a credential's status.") { json };
        command.Subcommands.Add(StatusCreateCommand.Create(json));
        command.Subcommands.Add(StatusAllocateCommand.Create(json));
        command.Subcommands.Add(StatusSetCommand.Create(json, clear: false));
        command.Subcommands.Add(StatusSetCommand.Create(json, clear: true));
        command.Subcommands.Add(StatusCheckCommand.Create(json));
        return command;
    }

    /// <summary>The <c>--state FILE</c> option of the commands that change an existing list.</summary>
    public static Option<FileInfo> StateOption() => new("--state")
    {
        Description = "The list's state file (from 'credstack status create --out').",
        Required = true,
    };

    /// <summary>
    /// Writes the state file and, when the list is signed, a freshly signed list credential: signing happens first,
    /// so a missing key changes nothing; both files are replaced atomically. Returns null or the failure.
    /// </summary>
    public static CliOutput.Failure? Save(StatusListState state, string statePath, TimeProvider time)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(statePath))!;
        var files = new List<(string, byte[])>();
        if (state.Signing is { } signing)
        {
            var (signed, failure) = signing.Sign(state.BuildCredential(time));
            if (signed is null)
            {
                return failure;
            }

            files.Add((signing.CredentialPath, signed));
        }

        files.Add((statePath, state.ToJson(directory)));
        return AtomicFile.WriteAll([.. files]) is { } writeError
            ? new CliOutput.Failure(ExitCodes.ProcessingFailed, "output", writeError)
            : null;
    }
}
