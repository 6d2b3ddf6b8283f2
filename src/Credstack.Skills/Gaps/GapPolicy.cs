namespace Credstack.Skills.Gaps;

/// <summary>How much a stand-in skill counts and what trust makes a requirement met.</summary>
public sealed record GapPolicy
{
    /// <summary>The default policy.</summary>
    public static GapPolicy Default { get; } = new();

    /// <summary>Credit for a narrower skill (the person is more specialised).</summary>
    public double Narrower { get; init; } = 0.8;

    /// <summary>Credit for a broader skill.</summary>
    public double Broader { get; init; } = 0.5;

    /// <summary>Credit for a related skill.</summary>
    public double Related { get; init; } = 0.4;

    /// <summary>The least evidence trust for "met" (default 0.5: a credential or an assessment, not a self-declaration alone).</summary>
    public double MetTrust { get; init; } = 0.5;

    /// <summary>The credit factor of a relation.</summary>
    public double Factor(Taxonomies.SkillRelation relation) => relation switch
    {
        Taxonomies.SkillRelation.Exact => 1.0,
        Taxonomies.SkillRelation.Narrower => Narrower,
        Taxonomies.SkillRelation.Broader => Broader,
        _ => Related,
    };

    /// <summary>The level factor: 1 when no level is asked, 0.5 when the evidence states none, else min(1, (have + 1) / (need + 1)).</summary>
    public static double LevelFactor(int? have, int? need)
    {
        if (need is not { } n || n <= 0)
        {
            return 1.0;
        }

        return have is { } h ? Math.Min(1.0, (h + 1.0) / (n + 1.0)) : 0.5;
    }
}
