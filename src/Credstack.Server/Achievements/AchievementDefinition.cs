namespace Credstack.Server.Achievements;

/// <summary>
/// What people edit about an achievement: the Open Badges 3.0 Achievement fields (OB 3.0 §B.1.1)
/// plus Credstack's expiry policy. It is the body of create and edit requests and, once
/// validated by <see cref="AchievementValidation"/>, is stored unchanged as one version.
/// </summary>
/// <param name="AchievementType">An OB 3.0 AchievementType value (<c>Certificate</c>, <c>MicroCredential</c>, …) or an <c>ext:</c> term.</param>
/// <param name="Level">A level such as "EQF 5" or "Introductory". OB 3.0 has no Achievement term for it, so it is shown on Credstack pages but not written into credentials.</param>
/// <param name="ImageId">An image uploaded with <c>POST /api/v1/orgs/{orgId}/images</c>.</param>
internal sealed record AchievementDefinition(
    string? Name,
    string? Description,
    CriteriaDefinition? Criteria,
    string? AchievementType = null,
    IReadOnlyList<AlignmentDefinition>? Alignments = null,
    double? CreditsAvailable = null,
    string? FieldOfStudy = null,
    string? Specialization = null,
    string? HumanCode = null,
    string? Level = null,
    IReadOnlyList<ResultDescriptionDefinition>? ResultDescriptions = null,
    IReadOnlyList<string>? Tags = null,
    string? InLanguage = null,
    string? ImageId = null,
    string? ImageCaption = null,
    ExpiryPolicy? Expiry = null);
