// OB 3.0 §8.2.4.1: the key is found from "kid" (a DID URL, or a URL that dereferences to the key) or from "jwk".
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;

namespace Credstack.Credentials.Verification;

/// <summary>
/// The verifier's JWS key lookup: DID URLs through <see cref="DidJwtKeyResolver"/>; other kids through the caller's keys
/// and the fetch seam; and, only when a kid cannot be found at all, the header <c>jwk</c> (bound to no one, reported as such).
/// </summary>
internal sealed class VerifierJwtKeyResolver(DidJwtKeyResolver dids, DocumentKeyResolver documents) : IJwtKeyResolver
{
    public async ValueTask<JwtKeyResolution> ResolveAsync(JwtKeyRequest request, CancellationToken cancellationToken = default)
    {
        var kid = request.KeyId;
        var didKid = kid is not null
            && (kid.StartsWith("did:", StringComparison.Ordinal)
                || (kid.StartsWith('#') && request.ExpectedController?.StartsWith("did:", StringComparison.Ordinal) == true));
        if (didKid || kid is null)
        {
            return await dids.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var answer = await documents.ResolveJwtAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer is { Succeeded: true })
        {
            return answer;
        }

        // A key that was found but belongs to someone else is an answer, not a reason to try the header jwk instead.
        if (answer is { Problem: DidProblem.ControllerMismatch or DidProblem.VerificationMethodNotAuthorized })
        {
            return answer;
        }

        if (request.Jwk is not null)
        {
            return await dids.ResolveAsync(request with { KeyId = null }, cancellationToken).ConfigureAwait(false);
        }

        return answer ?? JwtKeyResolution.NotFound(
            JwtProblem.KeyNotFound,
            $"kid '{JsonRead.Shorten(kid)}' is not a DID URL, no configured key has it, and no document fetcher is configured to read it (nothing is fetched).");
    }
}
