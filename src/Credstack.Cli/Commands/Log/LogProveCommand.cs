using System.CommandLine;
using Credstack.Ledger.Entries;
using Credstack.Ledger.Notes;
using Credstack.Ledger.Proofs;

namespace Credstack.Cli.Commands.Log;

/// <summary><c>credstack log --dir DIR prove --index N | --credential-id ID</c>: writes an offline proof bundle for one entry.</summary>
internal static class LogProveCommand
{
    public static Command Create(LogOptions options)
    {
        var index = new Option<long?>("--index") { Description = "The entry's index." };
        var credentialId = new Option<string?>("--credential-id") { Description = "Find the issuance entry of this credential id (scans the log)." };
        var checkpointFile = new Option<FileInfo?>("--checkpoint") { Description = "The signed checkpoint to prove against (default: DIR/checkpoint)." };
        var command = new Command("prove", "Write a proof bundle (leaf index, entry, inclusion path, signed checkpoint) as JSON.") { index, credentialId, checkpointFile };
        command.SetAction(parseResult =>
        {
            var output = new CommandOutput(parseResult, options);
            var dir = LogCommand.RequireDir(parseResult, options, output);
            if (dir is null)
            {
                return ExitCodes.UsageError;
            }

            var checkpointPath = parseResult.GetValue(checkpointFile)?.FullName ?? dir.CheckpointPath;
            if (!File.Exists(checkpointPath))
            {
                return output.Fail(ExitCodes.InvalidInput, $"no checkpoint at {checkpointPath} (run 'credstack log --dir DIR checkpoint' first)");
            }

            var note = SignedNote.Parse(File.ReadAllText(checkpointPath));
            var checkpoint = note.Succeeded ? Ledger.Checkpoints.Checkpoint.Parse(note.Value!.Text) : null;
            if (note.Value is null || checkpoint?.Value is null)
            {
                return output.Fail(ExitCodes.InvalidInput, $"{checkpointPath}: {note.Problem ?? checkpoint?.Problem}");
            }

            var opened = dir.OpenStore();
            if (!opened.Succeeded)
            {
                return output.Fail(ExitCodes.ProcessingFailed, opened.Problem!);
            }

            using var store = opened.Value!;
            var size = checkpoint.Value.Size;
            if (size > store.Size)
            {
                return output.Fail(ExitCodes.InvalidInput, $"the checkpoint is for size {size} but the log holds {store.Size} entries");
            }

            long leaf;
            var wanted = parseResult.GetValue(credentialId);
            if (wanted is not null)
            {
                leaf = -1;
                for (long i = 0; i < size && leaf < 0; i++)
                {
                    if (LogEntry.Parse(store.ReadEntry(i)).Value is CredentialIssued issued && issued.CredentialId == wanted)
                    {
                        leaf = i;
                    }
                }

                if (leaf < 0)
                {
                    return output.Fail(ExitCodes.CheckFailed, $"no issuance of {wanted} among the first {size} entries");
                }
            }
            else if (parseResult.GetValue(index) is { } given)
            {
                if (given < 0 || given >= size)
                {
                    return output.Fail(ExitCodes.InvalidInput, $"index {given} is not in the checkpoint's tree of size {size}");
                }

                leaf = given;
            }
            else
            {
                return output.Fail(ExitCodes.UsageError, "give --index N or --credential-id ID");
            }

            try
            {
                parseResult.InvocationConfiguration.Output.WriteLine(ProofBundle.Create(store, leaf, note.Value).ToJson());
            }
            catch (ArgumentException e)
            {
                return output.Fail(ExitCodes.CheckFailed, $"{checkpointPath}: {e.Message}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
