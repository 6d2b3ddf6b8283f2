using System.CommandLine;
using System.Globalization;
using Credstack.Skills.Matching;
using Credstack.Skills.Pathways;
using Credstack.Skills.Profiles;
using Credstack.Skills.Taxonomies;

namespace Credstack.Cli.Commands.Skills;

/// <summary><c>credstack skills match --job JOB.json --people PEOPLE.json | --person P --jobs JOBS.json</c>: explainable ranking both ways.</summary>
internal static class SkillsMatchCommand
{
    public static Command Create()
    {
        var taxonomy = SkillsOptions.Taxonomy();
        var format = SkillsOptions.Format();
        var job = new Option<string?>("--job") { Description = "A job JSON file: rank candidates for it (with --people)." };
        var people = new Option<string?>("--people") { Description = "A JSON array of profiles to rank for --job." };
        var person = new Option<string?>("--person") { Description = "A profile JSON file: rank jobs for it (with --jobs)." };
        var jobs = new Option<string?>("--jobs") { Description = "A JSON array of jobs to rank for --person." };
        var catalog = new Option<string?>("--catalog") { Description = "A catalogue JSON: adds the cheapest path to missing must-haves." };
        var top = new Option<int>("--top") { Description = "How many results.", DefaultValueFactory = _ => 10 };
        var json = SkillsOptions.Json();
        var command = new Command("match", "Rank candidates for a job or jobs for a person, with explanations that add up to each score.");
        foreach (var option in new Option[] { taxonomy, format, job, people, person, jobs, catalog, top, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var (jobPath, peoplePath, personPath, jobsPath) = (parseResult.GetValue(job), parseResult.GetValue(people), parseResult.GetValue(person), parseResult.GetValue(jobs));
            var jobMode = jobPath is not null && peoplePath is not null && personPath is null && jobsPath is null;
            var personMode = personPath is not null && jobsPath is not null && jobPath is null && peoplePath is null;
            if (!jobMode && !personMode)
            {
                error.WriteLine("use either --job JOB.json --people PEOPLE.json, or --person PERSON.json --jobs JOBS.json");
                return Task.FromResult(ExitCodes.UsageError);
            }

            var imported = SkillsInput.ImportTaxonomy(parseResult.GetValue(format)!, parseResult.GetValue(taxonomy)!, cancellationToken);
            if (imported.Taxonomy is not { } tax)
            {
                foreach (var problem in imported.Problems)
                {
                    error.WriteLine(problem.ToString());
                }

                return Task.FromResult(ExitCodes.InvalidInput);
            }

            PathwayPlanner? planner = null;
            if (parseResult.GetValue(catalog) is { } catalogPath)
            {
                if (SkillsInput.Read<CredentialCatalog>(catalogPath, error) is not { } offer)
                {
                    return Task.FromResult(ExitCodes.InvalidInput);
                }

                planner = new PathwayPlanner(offer);
            }

            var now = TimeProvider.System.GetUtcNow();
            var scorer = new MatchScorer(tax, now);
            IReadOnlyList<MatchResult> results;
            if (jobMode)
            {
                var posting = SkillsInput.Read<JobPosting>(jobPath!, error);
                var documents = SkillsInput.Read<List<ProfileDocument>>(peoplePath!, error);
                if (posting is null || documents is null)
                {
                    return Task.FromResult(ExitCodes.InvalidInput);
                }

                var profiles = documents.Select(d => Built(tax, d, now, error)).ToList();
                results = new CandidateIndex(scorer, profiles).Rank(posting, parseResult.GetValue(top), parseResult.GetValue(top), planner);
            }
            else
            {
                var document = SkillsInput.Read<ProfileDocument>(personPath!, error);
                var postings = SkillsInput.Read<List<JobPosting>>(jobsPath!, error);
                if (document is null || postings is null)
                {
                    return Task.FromResult(ExitCodes.InvalidInput);
                }

                results = new JobIndex(scorer, postings).Rank(Built(tax, document, now, error), parseResult.GetValue(top), parseResult.GetValue(top), planner);
            }

            if (parseResult.GetValue(json))
            {
                SkillsInput.WriteJson(output, results);
                return Task.FromResult(ExitCodes.Success);
            }

            var rank = 0;
            foreach (var result in results)
            {
                rank++;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rank,3}. {result.Id}  score {result.Score:0.0000}"));
                if (result.Explanation is not { } e)
                {
                    continue;
                }

                output.WriteLine("     " + string.Join(" + ", e.Features.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Feature} {f.Weight:0.##}×{f.Value:0.000}"))));
                foreach (var r in e.Requirements.Where(r => r.MatchedSkillId is not null))
                {
                    var proof = r.Evidence.Count > 0 && r.Evidence[0].Evidence.CredentialId is { } id ? " by " + id : "";
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"     {r.Requirement.SkillId}: {r.Relation}{(r.Relation == SkillRelation.Exact ? "" : " via " + r.MatchedSkillId)}{(r.Verified ? ", verified" : "")}{proof} (+{r.Contribution:0.0000})"));
                }

                if (e.MissingMustHaves.Count > 0)
                {
                    output.WriteLine("     missing must-haves: " + string.Join(", ", e.MissingMustHaves) + (e.OneCredentialAway ? $" — one credential away: {e.PathToMissing!.Credentials[0].Id}" : ""));
                }
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static SkillProfile Built(SkillTaxonomy taxonomy, ProfileDocument document, DateTimeOffset now, TextWriter error)
    {
        var built = SkillsInput.BuildProfile(taxonomy, document, now);
        foreach (var problem in built.Problems)
        {
            error.WriteLine($"{built.Profile.PersonId} evidence {problem.EvidenceIndex} ({problem.SkillRef}): {problem.Message}");
        }

        return built.Profile;
    }
}
