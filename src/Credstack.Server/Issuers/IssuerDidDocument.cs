// did:web Method Specification §3.2 and DID Core 1.0 §5: the issuer's did.json. Every key the
// issuer ever had (except none: keys are never deleted) is a verification method under
// assertionMethod, so credentials signed before a rotation keep verifying.
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using Credstack.Server.Keys;

namespace Credstack.Server.Issuers;

/// <summary>Builds an issuer's DID document from its stored public keys.</summary>
internal static class IssuerDidDocument
{
    public static DidDocument Create(string did, IReadOnlyList<IssuerKey> keys)
    {
        var published = new List<DidWebKey>(keys.Count);
        try
        {
            foreach (var key in keys)
            {
                var jwk = JsonWebKey.Parse(key.PublicJwk);
                var imported = jwk.Succeeded ? jwk.Key.ToVerificationKey() : null;
                if (imported is not { Succeeded: true })
                {
                    throw new InvalidOperationException($"the stored public key of {key} cannot be imported");
                }

                published.Add(new DidWebKey(key.Fragment, imported.Key, Retired: !key.IsActive));
            }

            if (DidWeb.TryGetDocumentUrl(did, out _, out _))
            {
                return DidWeb.CreateDocument(did, published);
            }

            // A development host (localhost, an IP address) is outside what DidWeb accepts as
            // resolvable; the document has the same shape so the server's own pages and checks work.
            var methods = published.Select(k => VerificationMethod.For(did + "#" + k.Fragment, did, k.Key)).ToList();
            var current = published.Where(k => !k.Retired).Select(k => new VerificationMethodReference(did + "#" + k.Fragment)).ToList();
            return new DidDocument
            {
                Context = published.Any(k => !k.Key.SupportsMultikey)
                    ? [DidDocument.DidContext, DidDocument.MultikeyContext, DidDocument.JwkContext]
                    : [DidDocument.DidContext, DidDocument.MultikeyContext],
                Id = did,
                VerificationMethod = methods,
                Authentication = current,
                AssertionMethod = [.. methods.Select(m => new VerificationMethodReference(m.Id))],
                CapabilityInvocation = current,
            };
        }
        finally
        {
            foreach (var key in published)
            {
                key.Key.Dispose();
            }
        }
    }
}
