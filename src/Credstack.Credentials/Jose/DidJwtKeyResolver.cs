// Key discovery for JWTs: OB 3.0 §8.2.4.1 ("kid" a DID URL or URL that dereferences to the key, or "jwk" the public
// key itself) and VC-JOSE-COSE §3.4 (kid as a DID URL naming a verification method of the issuer/holder).
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Jose;

/// <summary>
/// The default <see cref="IJwtKeyResolver"/>: a <c>kid</c> that is a DID URL (did:key, did:web) is dereferenced through
/// <see cref="DidResolver"/> and, when the issuer (holder) id is known, checked to be its assertionMethod
/// (authentication) key; a <c>kid</c> of the form <c>#fragment</c> is taken relative to the issuer DID. Otherwise the
/// header <c>jwk</c> is used when <see cref="TrustHeaderJwk"/> allows. HTTP(S) key URLs are not fetched (libraries do not
/// reach the network): such tokens report <see cref="JwtProblem.KeyNotFound"/>.
/// </summary>
public sealed class DidJwtKeyResolver : IJwtKeyResolver
{
    private readonly DidResolver _dids;

    /// <summary>Creates a resolver over <paramref name="dids"/> (did:key always; did:web when it has a fetcher).</summary>
    public DidJwtKeyResolver(DidResolver dids)
    {
        ArgumentNullException.ThrowIfNull(dids);
        _dids = dids;
    }

    /// <summary>
    /// Whether a header <c>jwk</c> alone is accepted as the signing key (OB 3.0 allows it). Such a signature proves only
    /// that the token was not changed, not who made it; the caller's trust policy decides. Default true.
    /// </summary>
    public bool TrustHeaderJwk { get; init; } = true;

    /// <inheritdoc />
    public async ValueTask<JwtKeyResolution> ResolveAsync(JwtKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var methodId = MethodIdFor(request);
        if (methodId is not null)
        {
            // When the issuer (holder) is known, the DID key must be its own: listed under the relationship and controlled
            // by it. An issuer that is not a DID cannot control a DID's key, so that reports controller-mismatch.
            var controller = request.ExpectedController;
            var method = controller is not null
                ? await _dids.CheckVerificationMethodAsync(methodId, request.Relationship, controller, cancellationToken).ConfigureAwait(false)
                : await _dids.DereferenceAsync(methodId, cancellationToken).ConfigureAwait(false);
            if (!method.Succeeded)
            {
                return JwtKeyResolution.NotFound(method.Problem ?? JwtProblem.KeyNotFound, method.Detail ?? "The verification method was not found.");
            }

            var key = method.Method.ToVerificationKey();
            if (!key.Succeeded)
            {
                return JwtKeyResolution.NotFound(key.Problem ?? JwtProblem.KeyNotFound, key.Detail ?? "The verification method's key cannot be imported.");
            }

            if (request.Jwk is { } jwk && !SameKey(key.Key, jwk))
            {
                key.Key.Dispose();
                return JwtKeyResolution.NotFound(JwtProblem.KeyNotFound, "The header jwk is not the key the kid names.");
            }

            return JwtKeyResolution.Found(key.Key, method.Method.Id, controllerVerified: controller is not null);
        }

        if (request.Jwk is { } headerJwk && TrustHeaderJwk)
        {
            var key = headerJwk.ToVerificationKey();
            return key.Succeeded
                ? JwtKeyResolution.Found(key.Key, "urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + key.Key.ComputeJwkThumbprint(), controllerVerified: false)
                : JwtKeyResolution.NotFound(key.Problem ?? JwtProblem.KeyNotFound, key.Detail ?? "The header jwk cannot be imported.");
        }

        return JwtKeyResolution.NotFound(
            JwtProblem.KeyNotFound,
            request.KeyId is null
                ? "The header has neither a kid nor a usable jwk."
                : $"kid '{StaticJwtKeyResolver.Shorten(request.KeyId)}' is not a DID URL; other key ids need a resolver that knows them.");
    }

    private static string? MethodIdFor(JwtKeyRequest request)
    {
        var kid = request.KeyId;
        if (string.IsNullOrEmpty(kid))
        {
            return null;
        }

        if (kid.StartsWith('#') && request.ExpectedController is { } controller && controller.StartsWith("did:", StringComparison.Ordinal))
        {
            return controller + kid;
        }

        if (!kid.StartsWith("did:", StringComparison.Ordinal))
        {
            return null;
        }

        // A bare did:key names its one key: did:key:z6Mk... is did:key:z6Mk...#z6Mk...
        if (!kid.Contains('#', StringComparison.Ordinal) && DidUrl.TryParse(kid, out var parsed) && parsed.IsDid
            && string.Equals(parsed.Method, "key", StringComparison.Ordinal))
        {
            return kid + "#" + parsed.MethodSpecificId;
        }

        return kid;
    }

    private static bool SameKey(VerificationKey key, JsonWebKey jwk)
    {
        using var other = jwk.ToVerificationKey().Key;
        return other is not null && key.HasSamePublicKey(other);
    }
}
