using Credstack.Credentials.Model;
using Credstack.Server.Organizations;

namespace Credstack.Server.Issuers;

/// <summary>
/// An organization as an Open Badges 3.0 issuer (OB 3.0 §B.1.18 Profile): its id is the did:web DID,
/// so the proof's verification method is controlled by the issuer the credential names. Awards embed
/// <see cref="FindAsync"/>'s Profile as the credential's <c>issuer</c>.
/// </summary>
internal sealed class IssuerProfiles(OrganizationStore organizations, IssuerProfileStore profiles, IssuerIdentity identity)
{
    /// <summary>The issuer Profile of an issuer organization; null when there is none (unknown id, or an employer).</summary>
    public async Task<Profile?> FindAsync(string organizationId, CancellationToken cancellationToken)
    {
        var organization = await organizations.FindAsync(organizationId, cancellationToken);
        if (organization is null || !string.Equals(organization.Kind, OrganizationKind.Issuer, StringComparison.Ordinal))
        {
            return null;
        }

        var details = await profiles.FindAsync(organizationId, cancellationToken);
        return new Profile
        {
            Id = identity.Did(organizationId),
            Name = organization.Name,
            Url = details?.HomepageUrl ?? identity.ProfileUrl(organizationId),
            Description = details?.Description,
            Email = details?.Email,
        };
    }
}
