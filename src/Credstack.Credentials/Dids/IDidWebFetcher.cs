namespace Credstack.Credentials.Dids;

/// <summary>
/// The outbound-HTTP seam of did:web resolution: fetches one did.json. Implementations enforce HTTPS, redirects,
/// timeouts and size limits (<see cref="HttpDidWebFetcher"/> does); tests substitute a fake.
/// </summary>
public interface IDidWebFetcher
{
    /// <summary>Fetches <paramref name="url"/>. Expected failures are values, not exceptions.</summary>
    Task<DidWebFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken);
}
