// W3C Bitstring Status List v1.0 §3.1 "retrieve the status list credential", answered from local files:
// `credstack status check` never uses the network.
using Credstack.Credentials.Status;

namespace Credstack.Cli.Commands.Status;

/// <summary>Serves status list credentials from a URL → bytes map built from <c>--documents</c> and <c>--list</c>.</summary>
internal sealed class LocalStatusListFetcher(IReadOnlyDictionary<string, byte[]> documents) : IStatusListFetcher
{
    public ValueTask<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken) =>
        ValueTask.FromResult(documents.TryGetValue(url.AbsoluteUri, out var bytes) || documents.TryGetValue(url.OriginalString, out bytes)
            ? StatusListFetchResult.Ok(bytes)
            : StatusListFetchResult.Fail($"{url} is not among the local documents (--documents, --list); credstack status check does not use the network"));
}
