using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Credstack.Skills.Synthetic;

namespace Credstack.Cli.Commands.Skills;

/// <summary><c>credstack skills bench [--seed N] [--people N]</c>: generates the planted-truth benchmark, runs it and prints the metrics.</summary>
internal static class SkillsBenchCommand
{
    public static Command Create()
    {
        var seed = new Option<ulong>("--seed") { Description = "The generator seed.", DefaultValueFactory = _ => 42UL };
        var people = new Option<int>("--people") { Description = "People in the population.", DefaultValueFactory = _ => 100_000 };
        var jobs = new Option<int>("--jobs") { Description = "Jobs (all are evaluated).", DefaultValueFactory = _ => 1_000 };
        var json = SkillsOptions.Json();
        var command = new Command("bench", "Generate the synthetic benchmark from a seed, run it and print the metrics table.");
        command.Options.Add(seed);
        command.Options.Add(people);
        command.Options.Add(jobs);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var (p, j) = (parseResult.GetValue(people), parseResult.GetValue(jobs));
            if (p < 100 || j < 1 || p > 10_000_000)
            {
                error.WriteLine("--people must be 100–10,000,000 and --jobs at least 1");
                return Task.FromResult(ExitCodes.UsageError);
            }

            var options = new SyntheticOptions { Seed = parseResult.GetValue(seed), People = p, Jobs = j, EvaluatedJobs = j, VerifiedCohort = Math.Min(2_000, p) };
            var watch = Stopwatch.StartNew();
            var report = SkillsBenchmark.Run(options, step => error.WriteLine($"[{watch.Elapsed.TotalSeconds,6:0.0}s] {step}"));
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{watch.Elapsed.TotalSeconds,6:0.0}s] done"));
            if (parseResult.GetValue(json))
            {
                SkillsInput.WriteJson(output, report);
            }
            else
            {
                foreach (var line in Table(report))
                {
                    output.WriteLine(line);
                }
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    internal static IEnumerable<string> Table(BenchmarkReport r)
    {
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var s = r.Setup;
        yield return string.Create(CultureInfo.InvariantCulture, $"seed {s.Seed}: {s.People:N0} people, {s.Jobs:N0} jobs, {s.Skills:N0} skills, {s.Occupations:N0} occupations, {s.Credentials:N0} credentials, {s.Postings:N0} postings");
        yield return "| metric | value |";
        yield return "|---|---|";
        yield return $"| job → candidates nDCG@10 | {F(r.JobToCandidates.NdcgAt10)} |";
        yield return $"| job → candidates Recall@100 (capped) | {F(r.JobToCandidates.RecallAt100)} |";
        yield return $"| job → candidates MRR | {F(r.JobToCandidates.Mrr)} |";
        yield return $"| baseline Jaccard nDCG@10 / Recall@100 | {F(r.Baselines.Jaccard.NdcgAt10)} / {F(r.Baselines.Jaccard.RecallAt100)} |";
        yield return $"| baseline BM25 nDCG@10 / Recall@100 | {F(r.Baselines.Bm25.NdcgAt10)} / {F(r.Baselines.Bm25.RecallAt100)} |";
        yield return $"| person → jobs nDCG@10 | {F(r.PersonToJobs.NdcgAt10)} |";
        yield return $"| gap F1 (verified cohort) | {F(r.Gap.F1)} (P {F(r.Gap.Precision)}, R {F(r.Gap.Recall)}) |";
        yield return $"| gap F1 (mixed evidence) | {F(r.Gap.F1Mixed)} |";
        yield return $"| pathways feasible share | {F(r.Pathways.FeasibleShare)} |";
        yield return $"| pathways mean / p95 gap to optimum | {F(r.Pathways.MeanGap)} / {F(r.Pathways.P95Gap)} |";
        yield return $"| pathways optimal share | {F(r.Pathways.OptimalShare)} |";
        yield return $"| explanations max error | {r.Explanations.MaxError.ToString("E2", CultureInfo.InvariantCulture)} ({r.Explanations.Checked:N0} checked) |";
        yield return $"| normalisation MRR / top-1 | {F(r.Normalisation.Mrr)} / {F(r.Normalisation.Top1)} |";
        yield return string.Create(CultureInfo.InvariantCulture, $"| index / profiles memory | {s.IndexBytes / 1048576.0:0.0} MB / {s.ProfileBytes / 1048576.0:0.0} MB |");
    }
}
