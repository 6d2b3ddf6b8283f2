using Credstack.Credentials.Status;
using Microsoft.Extensions.Options;

namespace Credstack.Server.StatusLists;

/// <summary>
/// Reads a published status list credential the way every reader must see it: the public endpoint and the server's own
/// verifier (<see cref="StatusListDocumentSource"/>) alike. It keeps the batching promise: a list whose oldest
/// unpublished change is older than the refresh interval is re-signed before it is read, even when the background round
/// has not come yet (or runs on another node).
/// </summary>
internal sealed class StatusListReader(StatusListStore store, StatusListRefresher refresher, IOptions<StatusListOptions> options, TimeProvider time)
{
    public async Task<StatusListRead> ReadAsync(string organizationId, string listId, StatusPurpose purpose, CancellationToken cancellationToken)
    {
        var list = await store.FindAsync(organizationId, listId, cancellationToken);
        if (list is null)
        {
            return new StatusListRead(false, null);
        }

        if (list.SignedVersion < 0 || (list.Version > list.SignedVersion && list.DirtySince is { } since && time.GetUtcNow() - since >= options.Value.RefreshInterval))
        {
            await refresher.PublishNowAsync(list, cancellationToken);
        }

        return new StatusListRead(true, await store.ReadPublishedAsync(list.Id, purpose is StatusPurpose.Revocation, cancellationToken));
    }
}
