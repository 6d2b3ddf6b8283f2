using BenchmarkDotNet.Attributes;
using Credstack.Skills.Matching;
using Credstack.Skills.Profiles;
using Credstack.Skills.Synthetic;

namespace Credstack.Benchmarks.Skills;

/// <summary>Person → jobs over 50,000 jobs: top 20 ranked and explained. Each call takes the next person.</summary>
[Config(typeof(SkillsBenchConfig))]
public class RankJobsBenchmark
{
    private JobIndex _index = null!;
    private List<SkillProfile> _people = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var world = SyntheticWorld.Generate(new SyntheticOptions { Seed = 42, People = 2_000, Jobs = 50_000, VerifiedCohort = 0 });
        var builder = new ProfileBuilder(world.Taxonomy);
        _people = [.. world.People.Select(p => builder.Build(p.Id, p.Evidence, world.Options.AsOf, p.DeclaredOccupationId).Profile)];
        _index = new JobIndex(new MatchScorer(world.Taxonomy, world.Options.AsOf), world.Jobs);
    }

    [Benchmark]
    public int RankTop20Explained() => _index.Rank(_people[_next++ % _people.Count], top: 20, explain: 20).Count;
}
