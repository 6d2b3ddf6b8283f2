// DID Core 1.0 §7.1 (DID resolution) and §7.2 (DID URL dereferencing), for the methods Credstack
// supports: did:key (always) and did:web (when a fetcher is configured).
namespace Credstack.Credentials.Dids;

/// <summary>
/// Resolves DIDs by method and dereferences verification method ids. Every outcome is a value: a document or method,
/// or a <see cref="DidProblem"/> code; bad input never throws.
/// </summary>
public sealed class DidResolver
{
    private readonly DidWebResolver? _web;

    /// <summary>Creates a resolver; without <paramref name="web"/>, did:web is reported as unsupported.</summary>
    public DidResolver(DidWebResolver? web = null)
    {
        _web = web;
    }

    /// <summary>Resolves a DID (not a DID URL) to its document.</summary>
    public async Task<DidResolutionResult> ResolveAsync(string? did, CancellationToken cancellationToken = default)
    {
        if (!DidUrl.TryParse(did, out var parsed))
        {
            return DidResolutionResult.Failure(DidProblem.InvalidDid, $"'{DidKey.Shorten(did)}' is not a DID.");
        }

        if (!parsed.IsDid)
        {
            return DidResolutionResult.Failure(DidProblem.InvalidDid, $"'{DidKey.Shorten(did)}' is a DID URL; resolve {parsed.Did} or dereference the URL.");
        }

        return parsed.Method switch
        {
            "key" => DidKey.Resolve(did),
            "web" when _web is not null => await _web.ResolveAsync(did, cancellationToken).ConfigureAwait(false),
            "web" => DidResolutionResult.Failure(DidProblem.UnsupportedDidMethod, "did:web resolution is not configured (no fetcher was given)."),
            _ => DidResolutionResult.Failure(DidProblem.UnsupportedDidMethod, $"did:{parsed.Method} is not supported (did:key and did:web are)."),
        };
    }

    /// <summary>Dereferences a verification method id (<c>did:…#fragment</c>) to the method in its DID's document.</summary>
    public async Task<VerificationMethodResult> DereferenceAsync(string? methodId, CancellationToken cancellationToken = default)
    {
        if (!DidUrl.TryParse(methodId, out var parsed) || string.IsNullOrEmpty(parsed.Fragment) || parsed.Path.Length > 0 || parsed.Query is not null)
        {
            return VerificationMethodResult.Failure(DidProblem.InvalidDid, $"'{DidKey.Shorten(methodId)}' is not a verification method id (did:…#fragment).");
        }

        var resolved = await ResolveAsync(parsed.Did, cancellationToken).ConfigureAwait(false);
        if (!resolved.Succeeded)
        {
            return VerificationMethodResult.Failure(resolved.Problem, resolved.Detail);
        }

        var method = resolved.Document.FindVerificationMethod(methodId);
        return method is null
            ? VerificationMethodResult.Failure(DidProblem.VerificationMethodNotFound, $"{parsed.Did} has no verification method #{parsed.Fragment}.")
            : VerificationMethodResult.Success(method, resolved.Document);
    }

    /// <summary>
    /// Resolves <paramref name="methodId"/>'s DID and checks that the method exists, is listed under
    /// <paramref name="relationship"/>, and is controlled by <paramref name="expectedController"/> (e.g. the issuer).
    /// </summary>
    public async Task<VerificationMethodResult> CheckVerificationMethodAsync(
        string? methodId, VerificationRelationship relationship, string expectedController, CancellationToken cancellationToken = default)
    {
        var dereferenced = await DereferenceAsync(methodId, cancellationToken).ConfigureAwait(false);
        return dereferenced.Succeeded
            ? dereferenced.Document.CheckVerificationMethod(methodId, relationship, expectedController)
            : dereferenced;
    }
}
