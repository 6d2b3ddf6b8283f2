// did:key Method §3.1.2: a did:key names exactly one key, whose verification method is did:key:<mb>#<mb>. Issuers
// (and the 1EdTech validator sample simple-did-key-method.json) sometimes write the bare DID as the verificationMethod;
// it can only mean that key, so the verifier reads it as such.
using Credstack.Credentials.DataIntegrity;

namespace Credstack.Credentials.Verification;

internal sealed class BareDidKeyResolver(IVerificationMethodResolver inner) : IVerificationMethodResolver
{
    public ValueTask<VerificationMethodResolution> ResolveAsync(VerificationMethodRequest request, CancellationToken cancellationToken = default)
    {
        var id = request.MethodId;
        if (id.StartsWith("did:key:", StringComparison.Ordinal) && id.IndexOfAny(['#', '/', '?']) < 0)
        {
            request = request with { MethodId = id + "#" + id["did:key:".Length..] };
        }

        return inner.ResolveAsync(request, cancellationToken);
    }
}
