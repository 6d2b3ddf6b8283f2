using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Credstack.Benchmarks.Skills;

// The acceptance targets are p95 latencies, so the skills scenarios report P95 next to the mean, and allocations.
public sealed class SkillsBenchConfig : ManualConfig
{
    public SkillsBenchConfig()
    {
        AddColumn(StatisticColumn.P95, StatisticColumn.Median);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
