// W3C Bitstring Status List v1.0, §3.1 step "Retrieve the status list credential": the seam
// through which the verifier obtains it (HTTP in the server, a dictionary in tests).
namespace Credstack.Credentials.Status;

/// <summary>Retrieves a status list credential (or a 1EdTech revocation list) by URL.</summary>
public interface IStatusListFetcher
{
    /// <summary>
    /// Fetches the document at <paramref name="url"/>. Failures (not found, timeout, refused URL)
    /// are returned as <see cref="StatusListFetchResult.Fail"/>, not thrown.
    /// </summary>
    ValueTask<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken);
}
