using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Verification;

/// <summary>did:web documents through the verifier's one fetch seam.</summary>
internal sealed class DocumentDidWebFetcher(IDocumentFetcher documents) : IDidWebFetcher
{
    public async Task<DidWebFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var fetched = await documents.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        return fetched.Succeeded ? DidWebFetchResult.Success(fetched.Content)
            : fetched.NotFound ? DidWebFetchResult.Missing()
            : DidWebFetchResult.Failed(fetched.Error ?? $"Fetching {url} failed.");
    }
}
