namespace Credstack.JsonLd.Contexts;

/// <summary>
/// A small least-recently-used cache of loaded documents with a time to live, so a verifier
/// that sees the same remote context in every credential fetches it once, and memory stays bounded.
/// </summary>
internal sealed class DocumentCache
{
    private readonly int _capacity;
    private readonly TimeSpan _timeToLive;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _lock = new();

    public DocumentCache(int capacity, TimeSpan timeToLive, TimeProvider timeProvider)
    {
        _capacity = capacity;
        _timeToLive = timeToLive;
        _timeProvider = timeProvider;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(string url, out RemoteDocument? document)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(url, out var node))
            {
                if (node.Value.Expires > _timeProvider.GetUtcNow())
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    document = node.Value.Document;
                    return true;
                }

                _recency.Remove(node);
                _entries.Remove(url);
            }
        }

        document = null;
        return false;
    }

    public void Add(string url, RemoteDocument document)
    {
        if (_capacity <= 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.Remove(url, out var existing))
            {
                _recency.Remove(existing);
            }

            while (_entries.Count >= _capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Url);
            }

            _entries[url] = _recency.AddFirst(new Entry(url, document, _timeProvider.GetUtcNow() + _timeToLive));
        }
    }

    private sealed record Entry(string Url, RemoteDocument Document, DateTimeOffset Expires);
}
