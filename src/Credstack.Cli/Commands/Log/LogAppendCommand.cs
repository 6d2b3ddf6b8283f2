using System.CommandLine;
using Credstack.Ledger.Entries;

namespace Credstack.Cli.Commands.Log;

/// <summary><c>credstack log --dir DIR append [--raw] FILE...</c>: appends each file as one entry, all in one durable batch.</summary>
internal static class LogAppendCommand
{
    public static Command Create(LogOptions options)
    {
        var raw = new Option<bool>("--raw") { Description = "Append each file's bytes as they are (for cross-checking tree heads with other Certificate Transparency tools)." };
        var files = new Argument<FileInfo[]>("files") { Description = "Files to append, one entry each; without --raw each must be a canonical Credstack log entry (JSON).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("append", "Append entries to the log in one batch.") { raw, files };
        command.SetAction(parseResult =>
        {
            var output = new CommandOutput(parseResult, options);
            var dir = LogCommand.RequireDir(parseResult, options, output);
            if (dir is null)
            {
                return ExitCodes.UsageError;
            }

            var entries = new List<ReadOnlyMemory<byte>>();
            foreach (var file in parseResult.GetValue(files)!)
            {
                if (!file.Exists)
                {
                    return output.Fail(ExitCodes.InvalidInput, $"{file.FullName} does not exist");
                }

                var bytes = File.ReadAllBytes(file.FullName);
                if (!parseResult.GetValue(raw))
                {
                    bytes = TrimFinalNewline(bytes);
                    var entry = LogEntry.Parse(bytes);
                    if (!entry.Succeeded)
                    {
                        return output.Fail(ExitCodes.InvalidInput, $"{file.Name}: {entry.Problem} (use --raw to log arbitrary bytes)");
                    }
                }

                entries.Add(bytes);
            }

            var opened = dir.OpenStore();
            if (!opened.Succeeded)
            {
                return output.Fail(ExitCodes.ProcessingFailed, opened.Problem!);
            }

            using var store = opened.Value!;
            var first = store.Append(entries);
            var root = Convert.ToHexStringLower(store.RootHash());
            output.Result(
                $"Appended {entries.Count} entries at {first}..{store.Size - 1}; size {store.Size}, root {root}",
                ("firstIndex", first), ("count", entries.Count), ("size", store.Size), ("rootHash", root));
            return ExitCodes.Success;
        });
        return command;
    }

    private static byte[] TrimFinalNewline(byte[] bytes) => bytes.Length > 0 && bytes[^1] == (byte)'\n' ? bytes[..^1] : bytes;
}
