using System.CommandLine;
using Credstack.Ledger.Merkle;

namespace Credstack.Cli.Commands.Log;

/// <summary><c>credstack log --dir DIR verify-consistency --old FILE --new FILE</c>: proves from the log that a newer checkpoint extends an older one.</summary>
internal static class LogVerifyConsistencyCommand
{
    public static Command Create(LogOptions options)
    {
        var older = new Option<FileInfo>("--old") { Description = "The older signed checkpoint.", Required = true };
        var newer = new Option<FileInfo>("--new") { Description = "The newer signed checkpoint.", Required = true };
        var command = new Command("verify-consistency", "Verify both checkpoints' signatures and the RFC 9162 consistency proof between them, built from the log in --dir.") { older, newer };
        command.SetAction(parseResult =>
        {
            var output = new CommandOutput(parseResult, options);
            var dir = LogCommand.RequireDir(parseResult, options, output);
            if (dir is null)
            {
                return ExitCodes.UsageError;
            }

            var verifier = dir.LoadVerifier();
            if (!verifier.Succeeded)
            {
                return output.Fail(ExitCodes.InvalidInput, verifier.Problem!);
            }

            var first = CheckpointFile.ReadVerified(parseResult.GetValue(older)!, verifier.Value!);
            var second = CheckpointFile.ReadVerified(parseResult.GetValue(newer)!, verifier.Value!);
            if (!first.Succeeded || !second.Succeeded)
            {
                return output.Fail(ExitCodes.CheckFailed, (first.Problem ?? second.Problem)!);
            }

            if (first.Value!.Size > second.Value!.Size)
            {
                return output.Fail(ExitCodes.InvalidInput, $"--old is for size {first.Value.Size}, larger than --new's {second.Value.Size}");
            }

            var opened = dir.OpenStore();
            if (!opened.Succeeded)
            {
                return output.Fail(ExitCodes.ProcessingFailed, opened.Problem!);
            }

            using var store = opened.Value!;
            if (second.Value.Size > store.Size)
            {
                return output.Fail(ExitCodes.InvalidInput, $"the log holds {store.Size} entries, fewer than the newer checkpoint's {second.Value.Size}");
            }

            var proof = ProofBuilder.Consistency(store, first.Value.Size, second.Value.Size);
            var verdict = ProofVerifier.VerifyConsistency(proof, first.Value.RootHash, second.Value.RootHash);
            output.Result(
                verdict.Verifies ? $"consistent: size {first.Value.Size} is a prefix of size {second.Value.Size} ({proof.Path.Count} proof hashes)" : $"not consistent: {verdict.Reason}",
                ("verifies", verdict.Verifies),
                ("reason", verdict.Reason),
                ("firstSize", first.Value.Size),
                ("secondSize", second.Value.Size),
                ("proof", proof.Path.Select(Convert.ToBase64String).ToArray()));
            return verdict.Verifies ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }
}
