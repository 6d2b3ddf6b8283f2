namespace Credstack.Skills.Pathways;

/// <summary>The credentials on offer and the qualifications they stack into.</summary>
/// <param name="Credentials">The credentials.</param>
/// <param name="Qualifications">The qualifications.</param>
public sealed record CredentialCatalog(IReadOnlyList<CatalogCredential> Credentials, IReadOnlyList<Qualification> Qualifications);
