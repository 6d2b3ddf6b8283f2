using System.CommandLine;

namespace Credstack.Cli.Commands.Keys;

/// <summary><c>credstack keys</c>: create signing keys kept as private JWK files.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Create signing keys (private JWK files) and show their did:key.");
        command.Subcommands.Add(KeysGenerateCommand.Create());
        return command;
    }
}
