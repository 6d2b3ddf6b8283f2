using System.Text;
using Credstack.Credentials.Status;

namespace Credstack.Credentials.Tests.Status;

/// <summary>Serves documents from a dictionary and counts fetches.</summary>
internal sealed class FakeStatusListFetcher : IStatusListFetcher
{
    private readonly Dictionary<string, byte[]> _documents = new(StringComparer.Ordinal);

    public int FetchCount { get; private set; }

    public void Serve(string url, string json) => _documents[url] = Encoding.UTF8.GetBytes(json);

    public void Serve(string url, byte[] content) => _documents[url] = content;

    public ValueTask<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        FetchCount++;
        return ValueTask.FromResult(_documents.TryGetValue(url.OriginalString, out var content)
            ? StatusListFetchResult.Ok(content)
            : StatusListFetchResult.Fail("404 Not Found"));
    }
}
