using Credstack.Ledger;
using Credstack.Ledger.Checkpoints;
using Credstack.Ledger.Notes;

namespace Credstack.Cli.Commands.Log;

/// <summary>Reads a signed checkpoint file and verifies it against the log key.</summary>
internal static class CheckpointFile
{
    public static Outcome<Checkpoint> ReadVerified(FileInfo file, NoteVerifier logKey)
    {
        if (!file.Exists)
        {
            return Outcome<Checkpoint>.Failure($"{file.FullName} does not exist");
        }

        var result = CheckpointVerifier.Verify(File.ReadAllText(file.FullName), logKey);
        return result.Verdict.Verifies
            ? Outcome<Checkpoint>.Success(result.Checkpoint!)
            : Outcome<Checkpoint>.Failure($"{file.Name}: {result.Verdict.Reason}");
    }
}
