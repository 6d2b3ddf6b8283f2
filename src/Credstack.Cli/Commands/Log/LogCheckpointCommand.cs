using System.CommandLine;
using Credstack.Ledger.Checkpoints;

namespace Credstack.Cli.Commands.Log;

/// <summary><c>credstack log --dir DIR checkpoint</c>: signs the current tree head as a C2SP checkpoint and saves it as DIR/checkpoint.</summary>
internal static class LogCheckpointCommand
{
    public static Command Create(LogOptions options)
    {
        var command = new Command("checkpoint", "Sign the current tree head (C2SP tlog-checkpoint) and print it; it is also saved as DIR/checkpoint.");
        command.SetAction(parseResult =>
        {
            var output = new CommandOutput(parseResult, options);
            var dir = LogCommand.RequireDir(parseResult, options, output);
            if (dir is null)
            {
                return ExitCodes.UsageError;
            }

            var signer = dir.LoadSigner();
            if (!signer.Succeeded)
            {
                return output.Fail(ExitCodes.InvalidInput, signer.Problem!);
            }

            var opened = dir.OpenStore();
            if (!opened.Succeeded)
            {
                return output.Fail(ExitCodes.ProcessingFailed, opened.Problem!);
            }

            using var store = opened.Value!;
            var checkpoint = new Checkpoint(signer.Value!.Key.Name, store.Size, store.RootHash());
            var note = checkpoint.Sign(signer.Value).ToString();
            File.WriteAllText(dir.CheckpointPath, note);
            output.Result(
                note.TrimEnd('\n'),
                ("origin", checkpoint.Origin), ("size", checkpoint.Size), ("rootHash", Convert.ToHexStringLower(checkpoint.RootHash)), ("checkpoint", note));
            return ExitCodes.Success;
        });
        return command;
    }
}
