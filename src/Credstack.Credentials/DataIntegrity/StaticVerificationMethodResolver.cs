using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.DataIntegrity;

/// <summary>
/// Resolves verification methods from what the caller registered: keys by method id, and controllers whose methods are
/// named <c>controller#&lt;publicKeyMultibase&gt;</c> (the form of the 1EdTech OB 3.0 / CLR 2.0 proof vectors, where
/// the fragment is the key). For tests, benchmarks, and deployments that pin their issuers' keys or serve HTTPS
/// verification methods from their own store. Registration is the caller's statement that the controller uses the key
/// for the registered purpose (<see cref="VerificationMethodResolution.AuthorizedForRelationship"/> is null for
/// multibase-fragment methods, which carry no purpose). Registered keys stay owned by the caller.
/// </summary>
public sealed class StaticVerificationMethodResolver : IVerificationMethodResolver
{
    private readonly Dictionary<string, (VerificationKey Key, string Controller, VerificationRelationship[]? Relationships)> _methods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _multibaseControllers = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers <paramref name="key"/> as method <paramref name="methodId"/> of <paramref name="controller"/>, usable for
    /// <paramref name="relationships"/> (default: assertionMethod).
    /// </summary>
    public StaticVerificationMethodResolver Add(string methodId, VerificationKey key, string controller, params VerificationRelationship[] relationships)
    {
        ArgumentException.ThrowIfNullOrEmpty(methodId);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(controller);
        _methods[methodId] = (key, controller, relationships.Length == 0 ? [VerificationRelationship.AssertionMethod] : relationships);
        return this;
    }

    /// <summary>Accepts any method id <c><paramref name="controller"/>#z…</c> whose fragment is a Multikey public key, as a key of <paramref name="controller"/>.</summary>
    public StaticVerificationMethodResolver AddMultibaseFragmentController(string controller)
    {
        ArgumentException.ThrowIfNullOrEmpty(controller);
        _multibaseControllers.Add(controller);
        return this;
    }

    /// <inheritdoc />
    public ValueTask<VerificationMethodResolution> ResolveAsync(VerificationMethodRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_methods.TryGetValue(request.MethodId, out var entry))
        {
            return ValueTask.FromResult(VerificationMethodResolution.Found(
                entry.Key, entry.Controller, entry.Relationships!.Contains(request.Relationship), disposeKeyAfterUse: false));
        }

        var hash = request.MethodId.IndexOf('#', StringComparison.Ordinal);
        if (hash > 0 && _multibaseControllers.Contains(request.MethodId[..hash]))
        {
            var key = Multikey.ImportPublicKey(request.MethodId[(hash + 1)..]);
            return ValueTask.FromResult(key.Succeeded
                ? VerificationMethodResolution.Found(key.Key, request.MethodId[..hash], authorizedForRelationship: null, disposeKeyAfterUse: true)
                : VerificationMethodResolution.NotFound(key.Problem ?? DidProblem.InvalidPublicKey, key.Detail ?? "The fragment is not a Multikey public key."));
        }

        return ValueTask.FromResult(VerificationMethodResolution.NotFound(
            DidProblem.VerificationMethodNotFound, $"No key is registered for '{DataIntegrityJson.Shorten(request.MethodId)}'."));
    }
}
