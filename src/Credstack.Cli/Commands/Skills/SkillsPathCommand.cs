using System.CommandLine;
using System.Globalization;
using Credstack.Skills.Pathways;

namespace Credstack.Cli.Commands.Skills;

/// <summary><c>credstack skills path --gap GAP.json --catalog CATALOG.json</c>: the cheapest learning path.</summary>
internal static class SkillsPathCommand
{
    public static Command Create()
    {
        var gap = new Option<string>("--gap") { Description = "The gap JSON: { skills: [ { skillId, level? } ], share?, hoursPerWeek?, weeksPerTerm?, held?, qualificationPremium? } (the output of `skills gap --json` works).", Required = true };
        var catalog = new Option<string>("--catalog") { Description = "The catalogue JSON: { credentials: [...], qualifications: [...] }.", Required = true };
        var share = new Option<double?>("--share") { Description = "Close only this share of the gap (0–1]." };
        var json = SkillsOptions.Json();
        var command = new Command("path", "Plan the cheapest set of credentials that closes a gap, respecting prerequisites, ordered into terms.");
        command.Options.Add(gap);
        command.Options.Add(catalog);
        command.Options.Add(share);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var request = SkillsInput.Read<PathwayRequest>(parseResult.GetValue(gap)!, error);
            var offer = SkillsInput.Read<CredentialCatalog>(parseResult.GetValue(catalog)!, error);
            if (request is null || offer is null)
            {
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            if (parseResult.GetValue(share) is { } s)
            {
                request = request with { Share = s };
            }

            var plan = new PathwayPlanner(offer).Plan(request);
            if (parseResult.GetValue(json))
            {
                SkillsInput.WriteJson(output, plan);
            }
            else
            {
                Write(plan, output, error);
            }

            return Task.FromResult(plan.Feasible ? ExitCodes.Success : ExitCodes.ProcessingFailed);
        });
        return command;
    }

    internal static void Write(PathwayPlan plan, TextWriter output, TextWriter error)
    {
        foreach (var problem in plan.Problems)
        {
            error.WriteLine(problem);
        }

        if (!plan.Feasible)
        {
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{plan.Credentials.Count} credential(s), price {plan.TotalPrice:0.##}, {plan.TotalHours:0.#} hours, {plan.Terms.Count} term(s)"));
        foreach (var term in plan.Terms)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  term {term.Number} ({term.Hours:0.#} h): {string.Join(", ", term.CredentialIds)}"));
        }

        foreach (var c in plan.Coverage)
        {
            output.WriteLine($"  {c.SkillId} ← {c.CredentialId}");
        }

        if (plan.CompletedQualifications.Count > 0)
        {
            output.WriteLine("  completes: " + string.Join(", ", plan.CompletedQualifications));
        }
    }
}
