namespace Credstack.Credentials.Verification;

/// <summary>
/// The one outbound seam of <see cref="CredentialVerifier"/>: fetches an HTTP(S) document (JSON or PEM) by URL. Through it
/// the verifier reads did:web documents (<c>https://host/.well-known/did.json</c>), issuer profiles and controller documents
/// for HTTPS verification methods and JWS key URLs, status lists and revocation lists, and the Open Badges 2.0 documents
/// (hosted assertions, BadgeClass, Issuer, CryptographicKey). Without one, nothing is fetched: the checks that need a
/// document are skipped or report an unknown status. <see cref="DocumentMap"/> serves local files; a server supplies an
/// HTTP implementation with its own timeouts, size limits and address policy.
/// </summary>
public interface IDocumentFetcher
{
    /// <summary>Fetches <paramref name="url"/>. Not-found and failures are values (<see cref="DocumentFetchResult"/>), never exceptions.</summary>
    ValueTask<DocumentFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken = default);
}
