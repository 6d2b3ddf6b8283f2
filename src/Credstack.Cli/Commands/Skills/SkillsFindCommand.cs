using System.CommandLine;
using System.Globalization;
using Credstack.Skills.Normalisation;

namespace Credstack.Cli.Commands.Skills;

/// <summary><c>credstack skills find TEXT</c>: normalises free text to skills and occupations with scores.</summary>
internal static class SkillsFindCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "The free text (a skill, a job title, a sentence)." };
        var taxonomy = SkillsOptions.Taxonomy();
        var format = SkillsOptions.Format();
        var top = new Option<int>("--top") { Description = "How many matches.", DefaultValueFactory = _ => 5 };
        var threshold = new Option<double>("--threshold") { Description = "The least score shown (0–1).", DefaultValueFactory = _ => 0.3 };
        var json = SkillsOptions.Json();
        var command = new Command("find", "Find the skills and occupations a text names: exact labels, labels inside the text, then trigram similarity.");
        command.Arguments.Add(text);
        command.Options.Add(taxonomy);
        command.Options.Add(format);
        command.Options.Add(top);
        command.Options.Add(threshold);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var imported = SkillsInput.ImportTaxonomy(parseResult.GetValue(format)!, parseResult.GetValue(taxonomy)!, cancellationToken);
            if (imported.Taxonomy is null)
            {
                foreach (var problem in imported.Problems)
                {
                    error.WriteLine(problem.ToString());
                }

                return Task.FromResult(ExitCodes.InvalidInput);
            }

            var matches = LabelIndex.Build(imported.Taxonomy).Find(parseResult.GetValue(text)!, parseResult.GetValue(top), parseResult.GetValue(threshold));
            if (parseResult.GetValue(json))
            {
                SkillsInput.WriteJson(output, matches);
            }
            else
            {
                if (matches.Count == 0)
                {
                    error.WriteLine("no skill or occupation matches above the threshold");
                }

                foreach (var m in matches)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Score:0.000}  {m.Kind,-10} {m.ConceptId,-14} {m.Label}  ({m.Method})"));
                }
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
