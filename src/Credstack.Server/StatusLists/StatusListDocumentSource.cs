using Credstack.Credentials.Verification;
using Credstack.Server.Verification;

namespace Credstack.Server.StatusLists;

/// <summary>
/// Serves this server's status list credentials (<c>/status/{issuerId}/{listId}/{purpose}</c>) to its own verifier
/// in-process: the bytes <see cref="StatusListEndpoints"/> publishes, read through the same <see cref="StatusListReader"/>,
/// so <c>POST /verify</c> sees a revocation of this server's credential without an HTTP call to itself.
/// </summary>
internal sealed class StatusListDocumentSource(StatusListReader reader, StatusListUrls urls) : ILocalDocumentSource
{
    public async ValueTask<DocumentFetchResult?> TryFetchAsync(string path, CancellationToken cancellationToken)
    {
        // "/status/{issuerId}/{listId}/{purpose}", nothing more: a query or another shape is not a published list.
        var segments = path.Split('/');
        if (segments.Length != 5 || segments[0].Length != 0 || !string.Equals(segments[1], "status", StringComparison.Ordinal)
            || path.Contains('?', StringComparison.Ordinal) || !StatusListPurposes.TryParse(segments[4], out var purpose))
        {
            return null;
        }

        var organizationId = Uri.UnescapeDataString(segments[2]);
        var listId = Uri.UnescapeDataString(segments[3]);
        if (organizationId.Length == 0 || listId.Length == 0)
        {
            return null;
        }

        var read = await reader.ReadAsync(organizationId, listId, purpose.Value, cancellationToken);
        return !read.ListExists ? DocumentFetchResult.Missing(urls.For(organizationId, listId, purpose.Value))
            : read.Credential is { } bytes ? DocumentFetchResult.Found(bytes)
            : DocumentFetchResult.Failed("The status list is not signed yet: its issuer has no active key.");
    }
}
