namespace Credstack.Server.Issuers;

/// <summary><c>PUT /api/v1/orgs/{orgId}/issuer</c>: the Profile details shown to verifiers; null or empty clears a field. The name is the organization's.</summary>
internal sealed record UpdateIssuerRequest(string? Description, string? HomepageUrl, string? Email);
