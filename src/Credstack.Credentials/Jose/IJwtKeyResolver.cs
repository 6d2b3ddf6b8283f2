namespace Credstack.Credentials.Jose;

/// <summary>
/// Finds the public key a JWT claims to be signed with (from its <c>kid</c> or <c>jwk</c> header). A seam: the default
/// is <see cref="DidJwtKeyResolver"/>; tests and single-issuer deployments use <see cref="StaticJwtKeyResolver"/>.
/// Implementations report outcomes as values and never throw on bad input.
/// </summary>
public interface IJwtKeyResolver
{
    /// <summary>Finds the key for <paramref name="request"/>.</summary>
    ValueTask<JwtKeyResolution> ResolveAsync(JwtKeyRequest request, CancellationToken cancellationToken = default);
}
