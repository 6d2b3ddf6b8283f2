using System.CommandLine;
using Credstack.Cli.Commands.Baking;
using Credstack.Cli.Commands.Canonicalization;
using Credstack.Cli.Commands.JsonLd;
using Credstack.Cli.Commands.Keys;
using Credstack.Cli.Commands.Log;
using Credstack.Cli.Commands.Sign;
using Credstack.Cli.Commands.Skills;

namespace Credstack.Cli;

/// <summary>Builds the root <c>credstack</c> command with every subcommand; tests parse real command lines through it.</summary>
internal static class CredstackCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Credstack: issue, verify, hold and stack micro-credentials (Open Badges 3.0 / W3C Verifiable Credentials).");
        root.Subcommands.Add(CanonicalizeCommand.Create());
        root.Subcommands.Add(JsonLdCommand.Create());
        root.Subcommands.Add(LogCommand.Create());
        root.Subcommands.Add(SkillsCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(SignCommand.Create());
        root.Subcommands.Add(BakeCommand.Create());
        root.Subcommands.Add(UnbakeCommand.Create());
        return root;
    }
}
