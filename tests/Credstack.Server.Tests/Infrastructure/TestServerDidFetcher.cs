using Credstack.Credentials.Dids;

namespace Credstack.Server.Tests.Infrastructure;

/// <summary>Resolves did:web through the test server: the https URL's path is fetched from <paramref name="client"/>, as a real resolver would over the network.</summary>
public sealed class TestServerDidFetcher(HttpClient client) : IDidWebFetcher
{
    public List<Uri> Fetched { get; } = [];

    public async Task<DidWebFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        Fetched.Add(url);
        var response = await client.GetAsync(url.PathAndQuery, cancellationToken);
        if (response.StatusCode is System.Net.HttpStatusCode.NotFound)
        {
            return DidWebFetchResult.Missing();
        }

        return response.IsSuccessStatusCode
            ? DidWebFetchResult.Success(await response.Content.ReadAsByteArrayAsync(cancellationToken))
            : DidWebFetchResult.Failed($"HTTP {(int)response.StatusCode}");
    }
}
