namespace Credstack.Skills.Taxonomies;

/// <summary>The outcome of an import: a whole taxonomy, or the problems and no taxonomy at all.</summary>
/// <param name="Taxonomy">The imported taxonomy; null when any row was rejected (never half a taxonomy).</param>
/// <param name="Problems">Every rejected row with its file and line.</param>
/// <param name="SkillCount">Skills read.</param>
/// <param name="OccupationCount">Occupations read.</param>
/// <param name="RelationCount">Occupation-to-skill relations read.</param>
public sealed record TaxonomyImportResult(SkillTaxonomy? Taxonomy, IReadOnlyList<ImportProblem> Problems, int SkillCount, int OccupationCount, int RelationCount)
{
    /// <summary>True when the import produced a taxonomy.</summary>
    public bool Succeeded => Taxonomy is not null;
}
