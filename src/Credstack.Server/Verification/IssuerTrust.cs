using Credstack.Server.Awards;
using Credstack.Server.Issuers;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Verification;

/// <summary>
/// Whether an issuer is one the verify page vouches for: listed in <c>Credstack:Verification:TrustedIssuers</c>, or one
/// of this server's own issuers (the did:web of an organization here). Also finds which of this server's awards a
/// verified credential is, so its verification is counted.
/// </summary>
internal sealed class IssuerTrust(IOptions<VerificationOptions> options, IssuerIdentity identity, IssuerProfiles profiles, AwardStore awards)
{
    public async Task<bool> IsTrustedAsync(string issuerId, CancellationToken cancellationToken)
    {
        if (options.Value.TrustedIssuers.Contains(issuerId, StringComparer.Ordinal))
        {
            return true;
        }

        return OwnOrganization(issuerId) is { } organizationId && await profiles.FindAsync(organizationId, cancellationToken) is not null;
    }

    /// <summary>The award of this server that <paramref name="credentialId"/> names and <paramref name="issuerId"/> issued, or null.</summary>
    public async Task<Award?> OwnAwardAsync(string? credentialId, string? issuerId, CancellationToken cancellationToken)
    {
        if (credentialId is null || issuerId is null || OwnOrganization(issuerId) is not { } organizationId)
        {
            return null;
        }

        var slash = credentialId.LastIndexOf('/');
        if (slash < 0 || !credentialId.AsSpan(0, slash).EndsWith("/credentials", StringComparison.Ordinal))
        {
            return null;
        }

        var award = await awards.FindByIdAsync(credentialId[(slash + 1)..], cancellationToken);
        return award is not null && award.OrganizationId == organizationId && award.CredentialId == credentialId ? award : null;
    }

    /// <summary>The organization whose DID is <paramref name="issuerId"/>, when it has this server's DID shape.</summary>
    private string? OwnOrganization(string issuerId)
    {
        // Did(org) is a fixed prefix followed by the organization id.
        var prefix = identity.Did("x")[..^1];
        return issuerId.StartsWith(prefix, StringComparison.Ordinal) && issuerId.Length > prefix.Length && !issuerId[prefix.Length..].Contains(':', StringComparison.Ordinal)
            ? issuerId[prefix.Length..]
            : null;
    }
}
