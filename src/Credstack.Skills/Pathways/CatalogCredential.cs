namespace Credstack.Skills.Pathways;

/// <summary>A credential on offer: what it teaches, what it costs and what must come first.</summary>
/// <param name="Id">The credential (achievement) id.</param>
/// <param name="Title">Its title.</param>
public sealed record CatalogCredential(string Id, string Title)
{
    /// <summary>Skills taught, with levels.</summary>
    public IReadOnlyList<TaughtSkill> Teaches { get; init; } = [];

    /// <summary>Study hours.</summary>
    public double Hours { get; init; }

    /// <summary>Price (any one currency across the catalogue).</summary>
    public double Price { get; init; }

    /// <summary>Credits (ECTS or similar) toward qualifications.</summary>
    public double Credits { get; init; }

    /// <summary>Prerequisites, null when none.</summary>
    public Prerequisite? Prerequisites { get; init; }
}
