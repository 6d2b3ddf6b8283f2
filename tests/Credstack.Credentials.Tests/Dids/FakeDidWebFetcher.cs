using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Tests.Dids;

/// <summary>Serves did.json answers from a table and counts the fetches.</summary>
internal sealed class FakeDidWebFetcher : IDidWebFetcher
{
    private readonly Dictionary<string, DidWebFetchResult> _answers = new(StringComparer.Ordinal);

    public List<Uri> Requests { get; } = [];

    public FakeDidWebFetcher Serve(string url, DidWebFetchResult answer)
    {
        _answers[url] = answer;
        return this;
    }

    public FakeDidWebFetcher Serve(string url, string json) => Serve(url, DidWebFetchResult.Success(System.Text.Encoding.UTF8.GetBytes(json)));

    public Task<DidWebFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        Requests.Add(url);
        return Task.FromResult(_answers.TryGetValue(url.AbsoluteUri, out var answer) ? answer : DidWebFetchResult.Missing());
    }
}
