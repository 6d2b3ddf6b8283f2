namespace Credstack.Skills.Profiles;

/// <summary>How much each kind of evidence counts, and how it fades with age.</summary>
public sealed record TrustPolicy
{
    /// <summary>The default policy: verified 1.0, assessment 0.8, unverified credential 0.5, self-declared 0.3, no decay.</summary>
    public static TrustPolicy Default { get; } = new();

    /// <summary>Weight of a verified credential.</summary>
    public double VerifiedCredential { get; init; } = 1.0;

    /// <summary>Weight of an assessment.</summary>
    public double Assessment { get; init; } = 0.8;

    /// <summary>Weight of a credential that did not verify.</summary>
    public double UnverifiedCredential { get; init; } = 0.5;

    /// <summary>Weight of a self-declared skill.</summary>
    public double SelfDeclared { get; init; } = 0.3;

    /// <summary>When set, evidence loses half its weight every half-life (recency decay); null keeps weights constant.</summary>
    public TimeSpan? HalfLife { get; init; }

    /// <summary>The weight of one piece of evidence at a date: source weight × result share × decay.</summary>
    public double WeightOf(SkillEvidence evidence, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var source = evidence.Source switch
        {
            EvidenceSource.VerifiedCredential => VerifiedCredential,
            EvidenceSource.Assessment => Assessment,
            EvidenceSource.UnverifiedCredential => UnverifiedCredential,
            _ => SelfDeclared,
        };
        return source * (evidence.Result ?? 1.0) * Decay(evidence.IssuedOn, asOf);
    }

    /// <summary>The decay factor for evidence of a date: 0.5^(age / half-life), 1 without a half-life or a date.</summary>
    public double Decay(DateTimeOffset? issuedOn, DateTimeOffset asOf)
    {
        if (HalfLife is not { } halfLife || issuedOn is not { } date || halfLife <= TimeSpan.Zero)
        {
            return 1.0;
        }

        var age = Math.Max(0, (asOf - date).TotalDays);
        return Math.Pow(0.5, age / halfLife.TotalDays);
    }
}
