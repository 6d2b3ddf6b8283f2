using System.CommandLine;
using System.Globalization;
using Credstack.Skills.Gaps;
using Credstack.Skills.Taxonomies;

namespace Credstack.Cli.Commands.Skills;

/// <summary><c>credstack skills gap --profile P --target OCCUPATION|JOB.json</c>: requirement-by-requirement gap analysis.</summary>
internal static class SkillsGapCommand
{
    public static Command Create()
    {
        var taxonomy = SkillsOptions.Taxonomy();
        var format = SkillsOptions.Format();
        var profile = new Option<string>("--profile") { Description = "The profile JSON: { personId, occupationId?, evidence: [ { source, skillRef, credentialId?, issuer?, level?, result?, issuedOn? } ] }.", Required = true };
        var target = new Option<string>("--target") { Description = "An occupation id, URI or code, or a job JSON file { id, title, requirements: [ { skillId, mustHave, importance?, level? } ] }.", Required = true };
        var json = SkillsOptions.Json();
        var command = new Command("gap", "Analyse a profile against an occupation or a job: met / partial / missing, must-have and nice-to-have readiness.");
        command.Options.Add(taxonomy);
        command.Options.Add(format);
        command.Options.Add(profile);
        command.Options.Add(target);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var imported = SkillsInput.ImportTaxonomy(parseResult.GetValue(format)!, parseResult.GetValue(taxonomy)!, cancellationToken);
            if (imported.Taxonomy is not { } tax)
            {
                foreach (var problem in imported.Problems)
                {
                    error.WriteLine(problem.ToString());
                }

                return Task.FromResult(ExitCodes.InvalidInput);
            }

            var document = SkillsInput.Read<ProfileDocument>(parseResult.GetValue(profile)!, error);
            var job = ResolveTarget(tax, parseResult.GetValue(target)!, error);
            if (document is null || job is null)
            {
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            var built = SkillsInput.BuildProfile(tax, document, TimeProvider.System.GetUtcNow());
            foreach (var problem in built.Problems)
            {
                error.WriteLine($"evidence {problem.EvidenceIndex} ({problem.SkillRef}): {problem.Message}");
            }

            var unknown = job.Requirements.Where(r => !tax.Skills.ContainsKey(r.SkillId)).Select(r => r.SkillId).ToList();
            if (unknown.Count > 0)
            {
                error.WriteLine("the target asks for skills the taxonomy does not have: " + string.Join(", ", unknown));
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            var report = new GapAnalyzer(tax).Analyze(built.Profile, job);
            if (parseResult.GetValue(json))
            {
                SkillsInput.WriteJson(output, new
                {
                    report.TargetId,
                    report.Readiness,
                    report.MustHaveReadiness,
                    report.NiceToHaveReadiness,
                    report.TotalWeight,
                    requirements = report.Requirements.Select(r => new
                    {
                        r.Requirement.SkillId,
                        r.Requirement.MustHave,
                        r.Requirement.Level,
                        status = r.Status,
                        r.MatchedSkillId,
                        r.Relation,
                        r.RelationFactor,
                        r.LevelFactor,
                        r.Trust,
                        r.Credit,
                        r.Weight,
                        r.Contribution,
                        r.Reason,
                        evidence = r.Evidence.Select(e => new { e.Evidence.Source, e.Evidence.CredentialId, e.Evidence.Issuer, e.Evidence.Level, e.Weight }),
                    }),
                    skills = report.Gap.Select(r => new { r.Requirement.SkillId, r.Requirement.Level }),
                });
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{job.Title} ({job.Id}): readiness {report.Readiness:P1}, must-haves {report.MustHaveReadiness:P1}, nice-to-haves {report.NiceToHaveReadiness:P1}"));
                foreach (var r in report.Requirements)
                {
                    var label = tax.Skills[r.Requirement.SkillId].PreferredLabel;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Status,-8} {(r.Requirement.MustHave ? "must" : "nice"),-4} {r.Contribution,8:0.0000} = {r.Weight:0.#} × {r.Credit:0.000} / {report.TotalWeight:0.#}  {label}: {r.Reason}"));
                }
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static JobPosting? ResolveTarget(SkillTaxonomy taxonomy, string target, TextWriter error)
    {
        if (File.Exists(target))
        {
            return SkillsInput.Read<JobPosting>(target, error);
        }

        if (taxonomy.FindOccupation(target) is { } occupation)
        {
            return JobPosting.FromOccupation(occupation);
        }

        error.WriteLine($"{target}: neither a job file nor an occupation id, URI or code of the taxonomy");
        return null;
    }
}
