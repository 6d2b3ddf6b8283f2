// W3C Bitstring Status List v1.0 §6 (privacy): indexes are drawn at random and never handed out twice
// (StatusListAllocator); the allocation is saved before the entry is printed, so a printed index is taken.
using System.CommandLine;

namespace Credstack.Cli.Commands.Status;

/// <summary><c>credstack status allocate --state FILE</c>: takes a random unused index and prints its <c>credentialStatus</c> entry.</summary>
internal static class StatusAllocateCommand
{
    public static Command Create(Option<bool> json)
    {
        var stateFile = StatusCommand.StateOption();
        var command = new Command("allocate", "Take a random, never-used index and print the credentialStatus entry to put in a new credential.") { stateFile };
        command.SetAction(parseResult =>
        {
            var cli = new CliOutput(parseResult, "status allocate", json);
            var path = parseResult.GetValue(stateFile)!.FullName;
            var (state, error) = StatusListState.Read(path);
            if (state is null)
            {
                return cli.Fail(ExitCodes.InvalidInput, "state", error!);
            }

            if (!state.Allocator.TryAllocate(out var index))
            {
                return cli.Fail(ExitCodes.ProcessingFailed, "list-full",
                    $"every one of the {state.List.Length:N0} indexes of {state.Url} has been handed out; create a new list.");
            }

            // Only the allocation bitmap changed: the published list credential stays as it is.
            var directory = Path.GetDirectoryName(path)!;
            if (AtomicFile.WriteAll((path, state.ToJson(directory))) is { } writeError)
            {
                return cli.Fail(ExitCodes.ProcessingFailed, "output", writeError);
            }

            cli.WriteJsonLine(writer => state.EntryFor(index).WriteTo(writer));
            cli.Error.WriteLine($"Allocated index {index} of {state.Url} ({state.Allocator.AllocatedCount:N0} of {state.List.Length:N0} used).");
            return ExitCodes.Success;
        });
        return command;
    }
}
