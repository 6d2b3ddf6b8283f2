using System.Text.Json;
using Credstack.Skills.Synthetic;
using Xunit.Abstractions;

namespace Credstack.Skills.Tests.Synthetic;

public sealed class SkillsBenchmarkTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // A reduced but meaningful size (10k people, 300 jobs evaluated); `credstack skills bench` runs 100k.
    private static readonly Lazy<BenchmarkReport> Report = new(() => SkillsBenchmark.Run(new SyntheticOptions
    {
        Seed = 42,
        People = 10_000,
        Jobs = 1_000,
        EvaluatedJobs = 300,
        EvaluatedPeople = 500,
        VerifiedCohort = 1_000,
        PathwayInstances = 1_000,
    }));

    [Fact]
    public void The_planted_truth_benchmark_meets_the_acceptance_numbers()
    {
        var report = Report.Value;
        output.WriteLine(JsonSerializer.Serialize(report, Indented));

        Assert.True(report.JobToCandidates.NdcgAt10 >= 0.80, $"job → candidates nDCG@10 {report.JobToCandidates.NdcgAt10}");
        Assert.True(report.JobToCandidates.RecallAt100 >= 0.95, $"job → candidates Recall@100 {report.JobToCandidates.RecallAt100}");
        Assert.True(report.JobToCandidates.NdcgAt10 >= report.Baselines.Jaccard.NdcgAt10 + 0.10, $"Jaccard nDCG@10 {report.Baselines.Jaccard.NdcgAt10}");
        Assert.True(report.PersonToJobs.NdcgAt10 >= 0.75, $"person → jobs nDCG@10 {report.PersonToJobs.NdcgAt10}");
        Assert.True(report.Gap.F1 >= 0.90, $"gap F1 {report.Gap.F1}");
        Assert.Equal(1.0, report.Pathways.FeasibleShare);
        Assert.True(report.Pathways.MeanGap <= 0.03, $"mean pathway gap {report.Pathways.MeanGap}");
        Assert.True(report.Pathways.P95Gap <= 0.10, $"p95 pathway gap {report.Pathways.P95Gap}");
        Assert.True(report.Explanations.MaxError <= 1e-9, $"explanation error {report.Explanations.MaxError}");
        Assert.True(report.Explanations.Checked > 0);
        Assert.True(report.Normalisation.Mrr >= 0.85, $"normalisation MRR {report.Normalisation.Mrr}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_world_and_a_different_seed_a_different_one()
    {
        var small = new SyntheticOptions { People = 200, Jobs = 20, VerifiedCohort = 10 };
        var a = SyntheticWorld.Generate(small);
        var b = SyntheticWorld.Generate(small);
        var c = SyntheticWorld.Generate(small with { Seed = 7 });

        Assert.Equal(a.People.Select(p => (p.TrueOccupationId, p.Evidence.Count)), b.People.Select(p => (p.TrueOccupationId, p.Evidence.Count)));
        Assert.NotEqual(a.People.Select(p => p.TrueOccupationId), c.People.Select(p => p.TrueOccupationId));
    }
}
