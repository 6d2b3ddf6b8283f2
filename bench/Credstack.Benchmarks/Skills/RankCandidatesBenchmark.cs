using BenchmarkDotNet.Attributes;
using Credstack.Skills.Matching;
using Credstack.Skills.Profiles;
using Credstack.Skills.Synthetic;
using Credstack.Skills.Taxonomies;

namespace Credstack.Benchmarks.Skills;

/// <summary>Job → candidates over 100,000 people: top 100 ranked, explanations for the top 20. Each call takes the next job.</summary>
[Config(typeof(SkillsBenchConfig))]
public class RankCandidatesBenchmark
{
    private CandidateIndex _index = null!;
    private IReadOnlyList<JobPosting> _jobs = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var world = SyntheticWorld.Generate(new SyntheticOptions { Seed = 42, People = 100_000, Jobs = 1_000, VerifiedCohort = 0 });
        var builder = new ProfileBuilder(world.Taxonomy, labels: Credstack.Skills.Normalisation.LabelIndex.Build(world.Taxonomy, includeOccupations: false));
        var profiles = world.People.Select(p => builder.Build(p.Id, p.Evidence, world.Options.AsOf, p.DeclaredOccupationId).Profile).ToList();
        _index = new CandidateIndex(new MatchScorer(world.Taxonomy, world.Options.AsOf), profiles);
        _jobs = world.Jobs;
    }

    [Benchmark]
    public int RankWithTop20Explained() => _index.Rank(_jobs[_next++ % _jobs.Count], top: 100, explain: 20).Count;
}
