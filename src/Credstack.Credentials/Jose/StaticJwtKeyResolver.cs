using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Jose;

/// <summary>
/// Resolves JWT keys from a fixed set registered by <c>kid</c>: for tests, benchmarks and deployments that pin their
/// issuers' keys. A token without a known <c>kid</c> but with a header <c>jwk</c> resolves only when that JWK is one of
/// the registered keys (compared by RFC 7638 thumbprint). The registered keys stay owned by the caller.
/// </summary>
public sealed class StaticJwtKeyResolver : IJwtKeyResolver
{
    private readonly Dictionary<string, (VerificationKey Key, string? Controller)> _keys = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers <paramref name="key"/> under <paramref name="keyId"/> (replacing any key with that id). With a
    /// <paramref name="controller"/>, the key resolves only for tokens whose issuer (holder) is that controller, and is
    /// then reported as <see cref="JwtKeyResolution.ControllerVerified"/>.
    /// </summary>
    public StaticJwtKeyResolver Add(string keyId, VerificationKey key, string? controller = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentNullException.ThrowIfNull(key);
        _keys[keyId] = (key, controller);
        return this;
    }

    /// <inheritdoc />
    public ValueTask<JwtKeyResolution> ResolveAsync(JwtKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.KeyId is { } kid)
        {
            return ValueTask.FromResult(_keys.TryGetValue(kid, out var entry)
                ? Resolve(kid, entry.Key, entry.Controller, request)
                : JwtKeyResolution.NotFound(JwtProblem.KeyNotFound, $"No key is registered under kid '{Shorten(kid)}'."));
        }

        if (request.Jwk is { } jwk)
        {
            using var imported = jwk.ToVerificationKey().Key;
            if (imported is not null)
            {
                foreach (var (id, entry) in _keys)
                {
                    if (entry.Key.HasSamePublicKey(imported))
                    {
                        return ValueTask.FromResult(Resolve(id, entry.Key, entry.Controller, request));
                    }
                }
            }

            return ValueTask.FromResult(JwtKeyResolution.NotFound(JwtProblem.KeyNotFound, "The header jwk is not one of the registered keys."));
        }

        return ValueTask.FromResult(JwtKeyResolution.NotFound(JwtProblem.KeyNotFound, "The header has neither kid nor jwk."));
    }

    private static JwtKeyResolution Resolve(string keyId, VerificationKey key, string? controller, JwtKeyRequest request)
    {
        if (controller is null)
        {
            return JwtKeyResolution.Found(key, keyId, controllerVerified: false);
        }

        return string.Equals(controller, request.ExpectedController, StringComparison.Ordinal)
            ? JwtKeyResolution.Found(key, keyId, controllerVerified: true)
            : JwtKeyResolution.NotFound(JwtProblem.KeyNotFound, $"The key '{Shorten(keyId)}' belongs to {Shorten(controller)}, not to {Shorten(request.ExpectedController ?? "(no issuer)")}.");
    }

    internal static string Shorten(string? text) => text is null ? "(null)" : text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");
}
