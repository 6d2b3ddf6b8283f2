namespace Credstack.Skills.Pathways;

/// <summary>The credentials on offer and the qualifications they stack into.</summary>
/// <param name="Credentials">The credentials.</param>
/// <param name="Qualifications">The qualifications.</param>
public sealed record CredentialCatalog(IReadOnlyList<CatalogCredential> Credentials, IReadOnlyList<Qualification> Qualifications)
{
    /// <summary>The credentials (never null).</summary>
    public IReadOnlyList<CatalogCredential> Credentials { get; init; } = Credentials ?? [];

    /// <summary>The qualifications (never null).</summary>
    public IReadOnlyList<Qualification> Qualifications { get; init; } = Qualifications ?? [];
}
