using System.CommandLine;
using System.Globalization;
using Credstack.Ledger.Entries;
using Credstack.Ledger.Monitoring;

namespace Credstack.Cli.Commands.Log;

/// <summary>
/// <c>credstack log [--dir DIR] monitor A B</c>: compares two checkpoints of one log (split view
/// detection); <c>monitor --issuer DID --at TIME</c>: lists the issuer keys valid at a time.
/// </summary>
internal static class LogMonitorCommand
{
    public static Command Create(LogOptions options)
    {
        var checkpoints = new Argument<FileInfo[]>("checkpoints") { Description = "Two signed checkpoints of the log, possibly seen by different parties.", Arity = new ArgumentArity(0, 2) };
        var vkey = new Option<string?>("--vkey") { Description = "The log's verifier key (default: DIR/log.vkey)." };
        var issuer = new Option<string?>("--issuer") { Description = "Instead: list the keys of this issuer DID valid at --at, from the log's key events." };
        var at = new Option<string?>("--at") { Description = "The time for --issuer, RFC 3339 (e.g. 2026-03-01T12:00:00Z)." };
        var command = new Command("monitor", "Detect split views between two checkpoints, or answer which issuer keys were valid at a time.") { checkpoints, vkey, issuer, at };
        command.SetAction(parseResult =>
        {
            var output = new CommandOutput(parseResult, options);
            return parseResult.GetValue(issuer) is { } did
                ? Keys(parseResult, options, output, did, parseResult.GetValue(at))
                : Compare(parseResult, options, output, parseResult.GetValue(checkpoints) ?? [], parseResult.GetValue(vkey));
        });
        return command;
    }

    private static int Compare(ParseResult parseResult, LogOptions options, CommandOutput output, FileInfo[] files, string? vkey)
    {
        if (files.Length != 2)
        {
            return output.Fail(ExitCodes.UsageError, "give two checkpoint files, or --issuer DID --at TIME");
        }

        var dirInfo = parseResult.GetValue(options.Dir);
        var dir = dirInfo is null ? null : new LogDirectory(dirInfo.FullName);
        var verifier = vkey is not null ? LogDirectory.LoadVerifier(vkey) : dir?.LoadVerifier() ?? LogDirectory.LoadVerifier(null);
        if (!verifier.Succeeded)
        {
            return output.Fail(ExitCodes.InvalidInput, verifier.Problem!);
        }

        var a = CheckpointFile.ReadVerified(files[0], verifier.Value!);
        var b = CheckpointFile.ReadVerified(files[1], verifier.Value!);
        if (!a.Succeeded || !b.Succeeded)
        {
            return output.Fail(ExitCodes.CheckFailed, (a.Problem ?? b.Problem)!);
        }

        ConsistencyReport report;
        if (dir is not null && dir.IsInitialised)
        {
            var opened = dir.OpenStore();
            if (!opened.Succeeded)
            {
                return output.Fail(ExitCodes.ProcessingFailed, opened.Problem!);
            }

            using var store = opened.Value!;
            report = LogMonitor.Compare(a.Value!, b.Value!, store);
        }
        else
        {
            report = LogMonitor.Compare(a.Value!, b.Value!);
        }

        var status = report.Status.ToString().ToLowerInvariant();
        output.Result(
            $"{status}: {report.Explanation}",
            ("status", status),
            ("explanation", report.Explanation),
            ("first", Describe(report.First)),
            ("second", Describe(report.Second)),
            ("proof", report.Proof?.Path.Select(Convert.ToBase64String).ToArray()));
        return report.Status switch
        {
            ConsistencyStatus.Consistent => ExitCodes.Success,
            _ => ExitCodes.CheckFailed,
        };
    }

    private static (string, object?)[] Describe(Ledger.Checkpoints.Checkpoint checkpoint) =>
        [("origin", checkpoint.Origin), ("size", checkpoint.Size), ("rootHash", Convert.ToHexStringLower(checkpoint.RootHash))];

    private static int Keys(ParseResult parseResult, LogOptions options, CommandOutput output, string did, string? atText)
    {
        if (!DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return output.Fail(ExitCodes.UsageError, "--issuer needs --at with an RFC 3339 time");
        }

        var dir = LogCommand.RequireDir(parseResult, options, output);
        if (dir is null)
        {
            return ExitCodes.UsageError;
        }

        var opened = dir.OpenStore();
        if (!opened.Succeeded)
        {
            return output.Fail(ExitCodes.ProcessingFailed, opened.Problem!);
        }

        using var store = opened.Value!;
        var entries = new List<LogEntry>();
        for (long i = 0; i < store.Size; i++)
        {
            if (LogEntry.Parse(store.ReadEntry(i)).Value is { } entry)
            {
                entries.Add(entry);
            }
        }

        var keys = KeyHistory.From(entries).ValidKeysAt(did, time);
        output.Result(
            keys.Count == 0 ? $"no key of {did} was valid at {time:O}" : string.Join('\n', keys.Select(k => $"{k.KeyId} {k.PublicKeyMultibase} (from {k.From:O})")),
            ("issuer", did),
            ("at", time.ToString("O", CultureInfo.InvariantCulture)),
            ("keys", keys.Select(k => (IEnumerable<(string, object?)>)[("keyId", k.KeyId), ("publicKeyMultibase", k.PublicKeyMultibase), ("from", k.From.ToString("O", CultureInfo.InvariantCulture)), ("until", k.Until?.ToString("O", CultureInfo.InvariantCulture))]).ToArray()));
        return ExitCodes.Success;
    }
}
