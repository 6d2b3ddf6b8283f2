using Credstack.Credentials.Verification;
using Credstack.Server.Keys;
using Credstack.Server.Verification;

namespace Credstack.Server.Issuers;

/// <summary>
/// Serves this server's issuer documents to its own verifier in-process: <c>/issuers/{orgId}/did.json</c> (the did:web
/// DID document) and <c>/issuers/{orgId}</c> (the Profile, JSON-LD), the same bytes <see cref="IssuerEndpoints"/> publishes,
/// so verifying a credential this server issued needs no HTTP call to itself.
/// </summary>
internal sealed class IssuerDocumentSource(IssuerProfiles profiles, IssuerKeys keys, IssuerIdentity identity) : ILocalDocumentSource
{
    private const string Prefix = "/issuers/";
    private const string DidSuffix = "/did.json";

    public async ValueTask<DocumentFetchResult?> TryFetchAsync(string path, CancellationToken cancellationToken)
    {
        if (!path.StartsWith(Prefix, StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path[Prefix.Length..];
        var isDid = rest.EndsWith(DidSuffix, StringComparison.Ordinal);
        var organizationId = isDid ? rest[..^DidSuffix.Length] : rest;
        if (organizationId.Length == 0 || organizationId.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        var profile = await profiles.FindAsync(organizationId, cancellationToken);
        if (profile is null)
        {
            return DocumentFetchResult.Missing(new Uri(identity.ProfileUrl(organizationId) + (isDid ? DidSuffix : "")));
        }

        if (!isDid)
        {
            return DocumentFetchResult.Found(PublishedDocument.WithContexts(profile.ToUtf8Json()));
        }

        var all = await keys.ListAsync(organizationId, cancellationToken);
        return DocumentFetchResult.Found(IssuerDidDocument.Create(identity.Did(organizationId), all).ToUtf8Json());
    }
}
