namespace Credstack.Server.Issuers;

/// <summary>An organization's issuer identity as the API shows it.</summary>
/// <param name="Resolvable">False when the server's public base URL is a development address others cannot resolve did:web against.</param>
internal sealed record IssuerResponse(
    string OrganizationId,
    string Name,
    string Did,
    string ProfileUrl,
    string DidDocumentUrl,
    string? Description,
    string? HomepageUrl,
    string? Email,
    bool Resolvable);
