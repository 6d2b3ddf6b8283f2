// Data Integrity 1.0 §4.4 step "retrieve the verification method" and Controlled Identifiers 1.0 §3.3: a DID URL is
// dereferenced through the DID's document, which also says whether the method serves the proof purpose.
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.DataIntegrity;

/// <summary>
/// The default <see cref="IVerificationMethodResolver"/>: DID URLs (did:key always, did:web when the
/// <see cref="DidResolver"/> has a fetcher) are dereferenced and checked against the DID document's verification
/// relationships. Other ids (HTTPS verification methods) go to <c>fallback</c> when one is given; libraries do not
/// fetch URLs themselves.
/// </summary>
public sealed class DidVerificationMethodResolver : IVerificationMethodResolver
{
    private readonly DidResolver _dids;
    private readonly IVerificationMethodResolver? _fallback;

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
        return VerificationMethodResolution.Found(key.Key, method.Method.Controller, authorized, disposeKeyAfterUse: true);
    }
}
