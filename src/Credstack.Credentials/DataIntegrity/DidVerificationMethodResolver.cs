// Data Integrity 1.0 §4.4 step "retrieve the verification method" and Controlled Identifiers 1.0 §3.3: a DID URL is
// dereferenced through the DID's document, which also says whether the method serves the proof purpose.
// A did:key document is a pure function of the DID (did:key v0.9 §3.1.2: no network, nothing to update or revoke), so
// the Ed25519 keys it yields are kept and shared between verifications: resolving again costs two key imports and a
// new OpenSSL verification context, ~10 µs, against ~100 µs for the signature check itself.
using System.Collections.Concurrent;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.DataIntegrity;

/// <summary>
/// The default <see cref="IVerificationMethodResolver"/>: DID URLs (did:key always, did:web when the
/// <see cref="DidResolver"/> has a fetcher) are dereferenced and checked against the DID document's verification
/// relationships. Other ids (HTTPS verification methods) go to <c>fallback</c> when one is given; libraries do not
/// fetch URLs themselves.
/// </summary>
public sealed class DidVerificationMethodResolver : IVerificationMethodResolver
{
    // Enough for every issuer a verifier meets in practice; past it, keys are resolved per call as before.
    private const int MaxCachedDidKeyMethods = 1024;

    private readonly DidResolver _dids;
    private readonly IVerificationMethodResolver? _fallback;

    // did:key verification method id -> its key and DID document. Keys in here are never disposed by a caller
    // (DisposeKeyAfterUse is false); their native handles are SafeHandles, released when the resolver is collected.
    private readonly ConcurrentDictionary<string, CachedMethod> _didKeyMethods = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver over <paramref name="dids"/>, handing non-DID ids to <paramref name="fallback"/>.</summary>
    public DidVerificationMethodResolver(DidResolver dids, IVerificationMethodResolver? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(dids);
        _dids = dids;
        _fallback = fallback;
    }

    /// <inheritdoc />
    public async ValueTask<VerificationMethodResolution> ResolveAsync(VerificationMethodRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.MethodId.StartsWith("did:", StringComparison.Ordinal))
        {
            return _fallback is not null
                ? await _fallback.ResolveAsync(request, cancellationToken).ConfigureAwait(false)
                : VerificationMethodResolution.NotFound(
                    DidProblem.UnsupportedDidMethod,
                    $"'{DataIntegrityJson.Shorten(request.MethodId)}' is not a DID URL; other verification methods need a resolver that knows them (nothing is fetched).");
        }

        var isDidKey = request.MethodId.StartsWith("did:key:", StringComparison.Ordinal);
        if (isDidKey && _didKeyMethods.TryGetValue(request.MethodId, out var cached))
        {
            return VerificationMethodResolution.Found(
                cached.Key, cached.Controller, cached.Document.IsAuthorized(cached.MethodId, request.Relationship), disposeKeyAfterUse: false);
        }

        var method = await _dids.DereferenceAsync(request.MethodId, cancellationToken).ConfigureAwait(false);
        if (!method.Succeeded || method.Document is null)
        {
            return VerificationMethodResolution.NotFound(method.Problem ?? DidProblem.VerificationMethodNotFound, method.Detail ?? "The verification method was not found.");
        }

        var key = method.Method.ToVerificationKey();
        if (!key.Succeeded)
        {
            return VerificationMethodResolution.NotFound(key.Problem ?? DidProblem.InvalidPublicKey, key.Detail ?? "The verification method's key cannot be imported.");
        }

        var authorized = method.Document.IsAuthorized(method.Method.Id, request.Relationship);

        // Only Ed25519 keys are shared: their verification is thread-safe by construction (OpenSslEd25519.Verifier).
        if (isDidKey && key.Key.KeyType == KeyType.Ed25519 && _didKeyMethods.Count < MaxCachedDidKeyMethods
            && _didKeyMethods.TryAdd(request.MethodId, new CachedMethod(key.Key, method.Method.Controller, method.Method.Id, method.Document)))
        {
            return VerificationMethodResolution.Found(key.Key, method.Method.Controller, authorized, disposeKeyAfterUse: false);
        }

        return VerificationMethodResolution.Found(key.Key, method.Method.Controller, authorized, disposeKeyAfterUse: true);
    }

    private sealed record CachedMethod(VerificationKey Key, string Controller, string MethodId, DidDocument Document);
}
