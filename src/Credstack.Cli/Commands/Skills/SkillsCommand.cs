using System.CommandLine;

namespace Credstack.Cli.Commands.Skills;

/// <summary><c>credstack skills</c>: taxonomies, normalisation, gaps, learning paths, matching and the benchmark.</summary>
internal static class SkillsCommand
{
    public static Command Create()
    {
        var command = new Command("skills", "Skills intelligence: import taxonomies, find skills, analyse gaps, plan learning paths, match jobs and people, run the benchmark.");
        command.Subcommands.Add(SkillsImportCommand.Create());
        command.Subcommands.Add(SkillsFindCommand.Create());
        command.Subcommands.Add(SkillsGapCommand.Create());
        command.Subcommands.Add(SkillsPathCommand.Create());
        command.Subcommands.Add(SkillsMatchCommand.Create());
        command.Subcommands.Add(SkillsBenchCommand.Create());
        return command;
    }
}
