using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Jose;

/// <summary>
/// Resolves JWT keys from a fixed set registered by <c>kid</c>: for tests, benchmarks and deployments that pin their
/// issuers' keys. A token without a known <c>kid</c> but with a header <c>jwk</c> resolves only when that JWK is one of
/// the registered keys (compared by RFC 7638 thumbprint). The registered keys stay owned by the caller.
/// </summary>
public sealed class StaticJwtKeyResolver : IJwtKeyResolver
{
    private readonly Dictionary<string, VerificationKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="key"/> under <paramref name="keyId"/> (replacing any key with that id).</summary>
    public StaticJwtKeyResolver Add(string keyId, VerificationKey key)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentNullException.ThrowIfNull(key);
        _keys[keyId] = key;
        return this;
    }

    /// <inheritdoc />
    public ValueTask<JwtKeyResolution> ResolveAsync(JwtKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.KeyId is { } kid)
        {
            return ValueTask.FromResult(_keys.TryGetValue(kid, out var key)
                ? JwtKeyResolution.Found(key, kid)
                : JwtKeyResolution.NotFound(JwtProblem.KeyNotFound, $"No key is registered under kid '{Shorten(kid)}'."));
        }

        if (request.Jwk is { } jwk)
        {
            using var imported = jwk.ToVerificationKey().Key;
            if (imported is not null)
            {
                foreach (var (id, key) in _keys)
                {
                    if (key.HasSamePublicKey(imported))
                    {
                        return ValueTask.FromResult(JwtKeyResolution.Found(key, id));
                    }
                }
            }

            return ValueTask.FromResult(JwtKeyResolution.NotFound(JwtProblem.KeyNotFound, "The header jwk is not one of the registered keys."));
        }

        return ValueTask.FromResult(JwtKeyResolution.NotFound(JwtProblem.KeyNotFound, "The header has neither kid nor jwk."));
    }

    internal static string Shorten(string? text) => text is null ? "(null)" : text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");
}
