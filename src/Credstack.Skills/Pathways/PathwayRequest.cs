namespace Credstack.Skills.Pathways;

/// <summary>What a learning path must close and the time it may take.</summary>
/// <param name="Skills">The gap: skills with levels.</param>
public sealed record PathwayRequest(IReadOnlyList<GapSkill> Skills)
{
    /// <summary>The gap skills (never null).</summary>
    public IReadOnlyList<GapSkill> Skills { get; init; } = Skills ?? [];

    /// <summary>The share of the gap skills to close, in (0, 1]; 1 closes all of them.</summary>
    public double Share { get; init; } = 1.0;

    /// <summary>Study hours per week.</summary>
    public double HoursPerWeek { get; init; } = 10;

    /// <summary>Weeks per term.</summary>
    public int WeeksPerTerm { get; init; } = 12;

    /// <summary>Credentials the learner already holds (they satisfy prerequisites and cost nothing).</summary>
    public IReadOnlyList<string> Held { get; init; } = [];

    /// <summary>The extra price the learner accepts to complete a qualification on the way (0: only at no extra cost).</summary>
    public double QualificationPremium { get; init; }
}
