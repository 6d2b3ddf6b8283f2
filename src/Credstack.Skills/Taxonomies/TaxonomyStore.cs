namespace Credstack.Skills.Taxonomies;

/// <summary>Holds the taxonomy in use and swaps it only for a complete import, so a failed import leaves the previous one untouched.</summary>
public sealed class TaxonomyStore
{
    private SkillTaxonomy _current;

    /// <summary>Starts with a taxonomy (empty by default).</summary>
    public TaxonomyStore(SkillTaxonomy? initial = null) => _current = initial ?? SkillTaxonomy.Empty;

    /// <summary>The taxonomy in use.</summary>
    public SkillTaxonomy Current => Volatile.Read(ref _current);

    /// <summary>Replaces the current taxonomy when the import succeeded; returns the result unchanged.</summary>
    public TaxonomyImportResult Apply(TaxonomyImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Taxonomy is { } taxonomy)
        {
            Volatile.Write(ref _current, taxonomy);
        }

        return result;
    }
}
