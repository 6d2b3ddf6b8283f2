using System.CommandLine;

namespace Credstack.Cli.Commands.Log;

/// <summary>The options every <c>credstack log</c> subcommand shares; they are declared once on <c>log</c> and apply below it.</summary>
internal sealed class LogOptions
{
    public Option<DirectoryInfo?> Dir { get; } = new("--dir")
    {
        Description = "The log's directory (entries, hashes, commits, log key, latest checkpoint).",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write machine-readable JSON to stdout; human text goes to stderr.",
        Recursive = true,
    };
}
