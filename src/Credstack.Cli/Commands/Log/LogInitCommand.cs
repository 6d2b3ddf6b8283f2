using System.CommandLine;
using Credstack.Ledger.Notes;
using Credstack.Ledger.Storage;

namespace Credstack.Cli.Commands.Log;

/// <summary><c>credstack log --dir DIR init --origin NAME</c>: creates an empty log and its Ed25519 signing key.</summary>
internal static class LogInitCommand
{
    public static Command Create(LogOptions options)
    {
        var origin = new Option<string>("--origin")
        {
            Description = "The log's origin: a unique schema-less URL such as credstack.example/log; also its key name.",
            Required = true,
        };
        var command = new Command("init", "Create an empty log in --dir with a new Ed25519 log key (log.key, log.vkey).") { origin };
        command.SetAction(parseResult =>
        {
            var output = new CommandOutput(parseResult, options);
            var dir = LogCommand.RequireDir(parseResult, options, output);
            if (dir is null)
            {
                return ExitCodes.UsageError;
            }

            var name = parseResult.GetValue(origin)!;
            if (!NoteKey.IsValidName(name))
            {
                return output.Fail(ExitCodes.InvalidInput, $"'{name}' is not a valid origin: it must be non-empty with no spaces or '+'");
            }

            if (dir.IsInitialised)
            {
                return output.Fail(ExitCodes.ProcessingFailed, $"{dir.Path} already holds a log");
            }

            var store = FileLogStore.Open(dir.Path);
            if (!store.Succeeded)
            {
                return output.Fail(ExitCodes.ProcessingFailed, store.Problem!);
            }

            store.Value!.Dispose();
            var signer = Ed25519NoteSigner.Generate(name, CredentialsEd25519.Instance);
            var vkey = signer.Key.ToVerifierKey();
            WritePrivate(dir.PrivateKeyPath, signer.ToPrivateKey() + "\n");
            File.WriteAllText(dir.VerifierKeyPath, vkey + "\n");
            output.Result($"Created the log {name} in {dir.Path}\nverifier key: {vkey}", ("origin", name), ("verifierKey", vkey), ("size", 0L));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WritePrivate(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options);
        writer.Write(text);
    }
}
