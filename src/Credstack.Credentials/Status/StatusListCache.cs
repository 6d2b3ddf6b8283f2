// W3C Bitstring Status List v1.0, §2.2 "ttl": a verifier may reuse a list for ttl milliseconds.
namespace Credstack.Credentials.Status;

/// <summary>A small least-recently-used cache of verified status list documents, each with its own expiry.</summary>
internal sealed class StatusListCache
{
    private readonly int _capacity;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, LinkedListNode<(string Url, StatusListDocument Document, DateTimeOffset Expires)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Url, StatusListDocument Document, DateTimeOffset Expires)> _recency = new();
    private readonly Lock _lock = new();

    public StatusListCache(int capacity, TimeProvider timeProvider)
    {
        _capacity = capacity;
        _timeProvider = timeProvider;
    }

    public bool TryGet(string url, out StatusListDocument? document)
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

            document = null;
            return false;
        }
    }

    public void Add(string url, StatusListDocument document, DateTimeOffset expires)
    {
        if (_capacity <= 0 || expires <= _timeProvider.GetUtcNow())
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.Remove(url, out var existing))
            {
                _recency.Remove(existing);
            }

            _entries[url] = _recency.AddFirst((url, document, expires));
            while (_entries.Count > _capacity)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.Url);
            }
        }
    }
}
