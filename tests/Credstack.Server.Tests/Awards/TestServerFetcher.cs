using Credstack.Credentials.Status;

namespace Credstack.Server.Tests.Awards;

/// <summary>Fetches status lists from the test server, as a verifier on the network would.</summary>
internal sealed class TestServerFetcher(HttpClient client) : IStatusListFetcher
{
    public async ValueTask<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url.PathAndQuery, cancellationToken);
        return response.IsSuccessStatusCode
            ? StatusListFetchResult.Ok(await response.Content.ReadAsByteArrayAsync(cancellationToken))
            : StatusListFetchResult.Fail($"HTTP {(int)response.StatusCode}");
    }

    /// <summary>A fresh checker (no cache) that trusts a list only when its proof verifies.</summary>
    public static StatusListChecker Checker(HttpClient client, TimeProvider time) => new(
        new TestServerFetcher(client),
        async (_, content, _) =>
        {
            var report = await TestVerifier.VerifyAsync(content.ToArray(), time);
            return report.Succeeded ? StatusListProofResult.Valid : StatusListProofResult.Invalid(report.ToString());
        },
        time);
}
