using Credstack.Credentials.Status;

namespace Credstack.Credentials.Verification;

/// <summary>Status lists and revocation lists through the verifier's one fetch seam.</summary>
internal sealed class DocumentStatusListFetcher(IDocumentFetcher documents) : IStatusListFetcher
{
    public async ValueTask<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var fetched = await documents.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        return fetched.Succeeded ? StatusListFetchResult.Ok(fetched.Content) : StatusListFetchResult.Fail(fetched.Error ?? $"Fetching {url} failed.");
    }
}
