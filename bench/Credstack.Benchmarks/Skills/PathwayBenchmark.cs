using BenchmarkDotNet.Attributes;
using Credstack.Skills.Pathways;
using Credstack.Skills.Synthetic;

namespace Credstack.Benchmarks.Skills;

/// <summary>A learning path over a 5,010-credential catalogue (30 domains × 167) for the must-haves of an occupation. Each call takes the next occupation.</summary>
[Config(typeof(SkillsBenchConfig))]
public class PathwayBenchmark
{
    private PathwayPlanner _planner = null!;
    private List<PathwayRequest> _requests = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var world = SyntheticWorld.Generate(new SyntheticOptions { Seed = 42, People = 100, Jobs = 10, VerifiedCohort = 0, CredentialsPerDomain = 167 });
        _planner = new PathwayPlanner(world.Catalog);
        _requests = [.. world.Taxonomy.Occupations.Values.OrderBy(o => o.Id, StringComparer.Ordinal).Select(o => new PathwayRequest([.. o.Requirements.Where(r => r.MustHave).Select(r => new GapSkill(r.SkillId))]) { Share = 0.8 })];
    }

    [Benchmark]
    public int PlanOver5000Credentials() => _planner.Plan(_requests[_next++ % _requests.Count]).Credentials.Count;
}
