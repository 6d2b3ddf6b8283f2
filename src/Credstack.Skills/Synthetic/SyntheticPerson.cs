using Credstack.Skills.Profiles;

namespace Credstack.Skills.Synthetic;

/// <summary>A generated person: the latent truth (never shown to the scorer) and the observed evidence.</summary>
/// <param name="Id">The person id.</param>
/// <param name="TrueOccupationId">The latent occupation.</param>
/// <param name="TrueLevels">The latent proficiency per skill.</param>
/// <param name="Evidence">The observed, noisy evidence.</param>
/// <param name="DeclaredOccupationId">The occupation the person declares (may be wrong or missing).</param>
public sealed record SyntheticPerson(string Id, string TrueOccupationId, IReadOnlyDictionary<string, int> TrueLevels, IReadOnlyList<SkillEvidence> Evidence, string? DeclaredOccupationId);
