// did:web Method Specification §3.2 "Read (Resolve)": map the DID to its URL, fetch, and check
// that the document's id is the DID that was asked for.
using System.Collections.Concurrent;

namespace Credstack.Credentials.Dids;

/// <summary>Resolves did:web DIDs through an <see cref="IDidWebFetcher"/>, caching documents for a while.</summary>
public sealed class DidWebResolver
{
    // Bounds memory when many distinct DIDs are looked up; the cache is simply emptied when full.
    private const int MaxCachedDocuments = 1024;

    private readonly IDidWebFetcher _fetcher;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, (DidDocument Document, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver over <paramref name="fetcher"/>.</summary>
    public DidWebResolver(IDidWebFetcher fetcher, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        _fetcher = fetcher;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long a resolved document is reused without fetching again. Default 5 minutes; zero disables the cache.</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Resolves a did:web. Never throws on bad input or a bad remote document.</summary>
    public async Task<DidResolutionResult> ResolveAsync(string? did, CancellationToken cancellationToken = default)
    {
        if (!DidWeb.TryGetDocumentUrl(did, out var url, out var problem))
        {
            return DidResolutionResult.Failure(DidProblem.InvalidDid, problem);
        }

        var now = _timeProvider.GetUtcNow();
        if (_cache.TryGetValue(did, out var cached) && cached.Expires > now)
        {
            return DidResolutionResult.Success(cached.Document);
        }

        var fetched = await _fetcher.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        if (fetched.NotFound)
        {
            return DidResolutionResult.Failure(DidProblem.DidNotFound, $"No DID document at {url}.");
        }

        if (!fetched.Succeeded)
        {
            return DidResolutionResult.Failure(DidProblem.DidFetchFailed, fetched.Failure ?? $"Fetching {url} failed.");
        }

        var parsed = DidDocument.Parse(fetched.Body.Span);
        if (!parsed.Succeeded)
        {
            return parsed;
        }

        if (!string.Equals(parsed.Document.Id, did, StringComparison.Ordinal))
        {
            return DidResolutionResult.Failure(DidProblem.InvalidDidDocument, $"The document at {url} is for {DidKey.Shorten(parsed.Document.Id)}, not {did}.");
        }

        if (CacheDuration > TimeSpan.Zero)
        {
            if (_cache.Count >= MaxCachedDocuments)
            {
                _cache.Clear();
            }

            _cache[did] = (parsed.Document, now + CacheDuration);
        }

        return parsed;
    }
}
