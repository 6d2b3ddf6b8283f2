using BenchmarkDotNet.Attributes;
using Credstack.Skills.Matching;
using Credstack.Skills.Profiles;
using Credstack.Skills.Synthetic;

namespace Credstack.Benchmarks.Skills;

/// <summary>Building the candidate index for 100,000 profiles (allocations shown; retained size is in `credstack skills bench`).</summary>
[Config(typeof(SkillsBenchConfig))]
public class CandidateIndexBuildBenchmark
{
    private List<SkillProfile> _profiles = null!;
    private MatchScorer _scorer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var world = SyntheticWorld.Generate(new SyntheticOptions { Seed = 42, People = 100_000, Jobs = 10, VerifiedCohort = 0 });
        var builder = new ProfileBuilder(world.Taxonomy);
        _profiles = [.. world.People.Select(p => builder.Build(p.Id, p.Evidence, world.Options.AsOf, p.DeclaredOccupationId).Profile)];
        _scorer = new MatchScorer(world.Taxonomy, world.Options.AsOf);
    }

    [Benchmark]
    public long Build100kIndex() => new CandidateIndex(_scorer, _profiles).PostingCount;
}
