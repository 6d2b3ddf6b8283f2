using System.CommandLine;

namespace Credstack.Cli.Commands.Skills;

/// <summary><c>credstack skills import (esco|onet) DIR</c>: imports a taxonomy and reports counts or every rejected row.</summary>
internal static class SkillsImportCommand
{
    public static Command Create()
    {
        var format = new Argument<string>("format") { Description = "esco or onet" };
        format.AcceptOnlyFromAmong("esco", "onet");
        var directory = new Argument<string>("dir") { Description = "The folder with the taxonomy files." };
        var json = SkillsOptions.Json();
        var command = new Command("import", "Import an ESCO CSV or O*NET text taxonomy; all-or-nothing, bad rows reported with their line numbers.");
        command.Arguments.Add(format);
        command.Arguments.Add(directory);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var result = SkillsInput.ImportTaxonomy(parseResult.GetValue(format)!, parseResult.GetValue(directory)!, cancellationToken);
            if (parseResult.GetValue(json))
            {
                SkillsInput.WriteJson(output, new
                {
                    succeeded = result.Succeeded,
                    skills = result.SkillCount,
                    occupations = result.OccupationCount,
                    relations = result.RelationCount,
                    problems = result.Problems.Select(p => new { file = p.File, line = p.Line, message = p.Message }),
                });
            }
            else
            {
                var text = result.Succeeded ? output : error;
                text.WriteLine($"{(result.Succeeded ? "imported" : "rejected")}: {result.SkillCount} skills, {result.OccupationCount} occupations, {result.RelationCount} relations");
                foreach (var problem in result.Problems)
                {
                    error.WriteLine(problem.ToString());
                }
            }

            return Task.FromResult(result.Succeeded ? ExitCodes.Success : ExitCodes.InvalidInput);
        });
        return command;
    }
}
