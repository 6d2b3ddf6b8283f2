namespace Credstack.JsonLd.Processing;

/// <summary>
/// The "remote contexts" list of JSON-LD 1.1 API §4.1.2 as an immutable linked list, so passing
/// "a copy of remote contexts" to a recursive call costs nothing.
/// </summary>
internal sealed class RemoteContextChain(string url, RemoteContextChain? parent)
{
    public string Url { get; } = url;

    public RemoteContextChain? Parent { get; } = parent;

    public int Count { get; } = (parent?.Count ?? 0) + 1;

    public static bool Contains(RemoteContextChain? chain, string url)
    {
        for (var node = chain; node is not null; node = node.Parent)
        {
            if (string.Equals(node.Url, url, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
