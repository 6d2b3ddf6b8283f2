using Credstack.Credentials.Status;
using Microsoft.Extensions.Options;

namespace Credstack.Server.StatusLists;

/// <summary>
/// Reads a published status list credential the way <c>GET /status/...</c> serves it, for that endpoint and for the
/// server's own verifier (<see cref="StatusListDocumentSource"/>): a change is never served stale for longer than the
/// refresh interval, even when the background round has not come yet (or runs on another node).
/// </summary>
internal sealed class StatusListDocuments(StatusListStore store, StatusListRefresher refresher, IOptions<StatusListOptions> options, TimeProvider time)
{
    /// <summary>The list's record and its signed bytes for <paramref name="purpose"/>; <c>Bytes</c> is null when nothing is signed yet; null when there is no such list.</summary>
    public async Task<(StatusListRecord List, byte[]? Bytes)?> ReadAsync(string issuerId, string listId, StatusPurpose purpose, CancellationToken cancellationToken)
    {
        var list = await store.FindAsync(issuerId, listId, cancellationToken);
        if (list is null)
        {
            return null;
        }

        var interval = options.Value.RefreshInterval;
        if (list.SignedVersion < 0 || (list.Version > list.SignedVersion && list.DirtySince is { } since && time.GetUtcNow() - since >= interval))
        {
            await refresher.PublishNowAsync(list, cancellationToken);
        }

        return (list, await store.ReadPublishedAsync(list.Id, purpose is StatusPurpose.Revocation, cancellationToken));
    }
}
