namespace Credstack.Skills.Synthetic;

/// <summary>The size and noise of a synthetic benchmark world.</summary>
public sealed record SyntheticOptions
{
    /// <summary>The seed: same seed, same world, same numbers.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>People in the population.</summary>
    public int People { get; init; } = 100_000;

    /// <summary>Jobs.</summary>
    public int Jobs { get; init; } = 1_000;

    /// <summary>Skill domains (each with its own occupations and skills).</summary>
    public int Domains { get; init; } = 30;

    /// <summary>Skills per domain.</summary>
    public int SkillsPerDomain { get; init; } = 50;

    /// <summary>Occupations per domain.</summary>
    public int OccupationsPerDomain { get; init; } = 5;

    /// <summary>Credentials in the catalogue per domain.</summary>
    public int CredentialsPerDomain { get; init; } = 40;

    /// <summary>People in the all-verified cohort used for gap F1.</summary>
    public int VerifiedCohort { get; init; } = 2_000;

    /// <summary>People whose job rankings are evaluated (person → jobs).</summary>
    public int EvaluatedPeople { get; init; } = 1_000;

    /// <summary>Jobs whose candidate rankings are evaluated (all by default).</summary>
    public int EvaluatedJobs { get; init; } = 1_000;

    /// <summary>Small pathway instances compared with the exact solver.</summary>
    public int PathwayInstances { get; init; } = 1_000;

    /// <summary>Probability that a latent skill shows up in the observed evidence (mixed population).</summary>
    public double ObservedShare { get; init; } = 0.85;

    /// <summary>Probability that an observation lands on a broader or narrower concept instead.</summary>
    public double DisplacedShare { get; init; } = 0.10;

    /// <summary>Probability that an observation is free text (an alternative label or a typo) instead of an id.</summary>
    public double TextShare { get; init; } = 0.10;

    /// <summary>The date the world is observed at.</summary>
    public DateTimeOffset AsOf { get; init; } = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
}
