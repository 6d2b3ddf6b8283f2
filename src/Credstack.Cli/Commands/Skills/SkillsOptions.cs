using System.CommandLine;

namespace Credstack.Cli.Commands.Skills;

/// <summary>The options several skills commands share.</summary>
internal static class SkillsOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Write machine-readable JSON to stdout (human text goes to stderr)." };

    public static Option<string> Taxonomy() => new("--taxonomy") { Description = "The taxonomy folder (ESCO CSV or O*NET text files).", Required = true };

    public static Option<string> Format() => new("--format") { Description = "The taxonomy format: esco or onet.", DefaultValueFactory = _ => "esco" };
}
