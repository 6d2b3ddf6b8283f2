namespace Credstack.Credentials.DataIntegrity;

/// <summary>
/// Finds the public key behind a proof's <c>verificationMethod</c>, with its controller. A seam: the default is
/// <see cref="DidVerificationMethodResolver"/> (did:key, did:web); tests and deployments that pin their issuers' keys (or
/// serve HTTPS verification methods themselves) use <see cref="StaticVerificationMethodResolver"/>.
/// Implementations report outcomes as values and never throw on bad input.
/// </summary>
public interface IVerificationMethodResolver
{
    /// <summary>Finds the key for <paramref name="request"/>.</summary>
    ValueTask<VerificationMethodResolution> ResolveAsync(VerificationMethodRequest request, CancellationToken cancellationToken = default);
}
