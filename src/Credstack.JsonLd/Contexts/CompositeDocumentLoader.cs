namespace Credstack.JsonLd.Contexts;

/// <summary>
/// Pinned first, then a fallback (normally an <see cref="HttpDocumentLoader"/> with an allow-list):
/// a pinned context is always served from the store, even when its URL is also allowed on the
/// network, so a configured network loader can add documents but never replace a pinned one.
/// </summary>
public sealed class CompositeDocumentLoader : IDocumentLoader
{
    private readonly PinnedContextLoader _pinned;
    private readonly IDocumentLoader _fallback;

    /// <summary>Creates a loader that asks <paramref name="pinned"/> first and <paramref name="fallback"/> for every other URL.</summary>
    public CompositeDocumentLoader(PinnedContextLoader pinned, IDocumentLoader fallback)
    {
        ArgumentNullException.ThrowIfNull(pinned);
        ArgumentNullException.ThrowIfNull(fallback);
        _pinned = pinned;
        _fallback = fallback;
    }

    /// <inheritdoc />
    public RemoteDocument Load(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        return _pinned.TryLoad(url, out var document) ? document : _fallback.Load(url, cancellationToken);
    }
}
