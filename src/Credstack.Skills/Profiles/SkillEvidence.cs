namespace Credstack.Skills.Profiles;

/// <summary>
/// One piece of evidence that a person has a skill: what the server maps a credential's achievement
/// alignment (targetUrl/targetCode), result, level and issuance date onto, or an assessment or a self-declaration.
/// </summary>
/// <param name="Source">Where the evidence comes from.</param>
/// <param name="SkillRef">The skill's id, URI or code (from an alignment), or a free-text label to normalise.</param>
public sealed record SkillEvidence(EvidenceSource Source, string SkillRef)
{
    /// <summary>The credential or assessment id that proves the skill.</summary>
    public string? CredentialId { get; init; }

    /// <summary>The issuer or assessor.</summary>
    public string? Issuer { get; init; }

    /// <summary>The proficiency level 0–7, when the evidence states one.</summary>
    public int? Level { get; init; }

    /// <summary>The result as a share 0–1 (a score of 80 % is 0.8), when the evidence states one.</summary>
    public double? Result { get; init; }

    /// <summary>When the credential was issued or the assessment taken.</summary>
    public DateTimeOffset? IssuedOn { get; init; }

    /// <summary>Evidence from a credential; <paramref name="verified"/> is the verifier's verdict.</summary>
    public static SkillEvidence FromCredential(string credentialId, string issuer, string skillRef, bool verified, int? level = null, double? result = null, DateTimeOffset? issuedOn = null) =>
        new(verified ? EvidenceSource.VerifiedCredential : EvidenceSource.UnverifiedCredential, skillRef)
        {
            CredentialId = credentialId,
            Issuer = issuer,
            Level = level,
            Result = result,
            IssuedOn = issuedOn,
        };

    /// <summary>Evidence from an assessment.</summary>
    public static SkillEvidence FromAssessment(string assessmentId, string assessor, string skillRef, int? level = null, double? result = null, DateTimeOffset? takenOn = null) =>
        new(EvidenceSource.Assessment, skillRef) { CredentialId = assessmentId, Issuer = assessor, Level = level, Result = result, IssuedOn = takenOn };

    /// <summary>A self-declared skill.</summary>
    public static SkillEvidence SelfDeclared(string skillRef, int? level = null) => new(EvidenceSource.SelfDeclared, skillRef) { Level = level };
}
