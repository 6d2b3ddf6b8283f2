namespace Credstack.Server.Delivery;

/// <summary>The answer to a successful claim: the credential now attached to the signed-in account.</summary>
internal sealed record ClaimResponse(string AwardId, string CredentialId, string OrganizationId, string AchievementId);
