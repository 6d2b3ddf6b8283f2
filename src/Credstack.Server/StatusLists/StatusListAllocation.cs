using System.Collections.Concurrent;
using Credstack.Credentials.Status;
using Microsoft.Extensions.Options;

namespace Credstack.Server.StatusLists;

/// <summary>
/// Gives each credential a status list index drawn at random (Bitstring Status List §6, herd
/// privacy) and never handed out twice. The database's primary key on (list, index) is the
/// authority, so several processes can allocate at once; each process keeps a
/// <see cref="StatusListAllocator"/> per list so its draws avoid indexes it knows are taken, and a
/// draw that loses a race to another process is simply drawn again.
/// </summary>
internal sealed class StatusListAllocation(StatusListStore store, IOptions<StatusListOptions> options)
{
    // After this many lost races in a row, the process's view is stale: reload it from the database.
    private const int ConflictsBeforeReload = 16;

    private readonly ConcurrentDictionary<string, ListState> _lists = new(StringComparer.Ordinal);

    /// <summary>Reserves a random free index of the organization's current list for <paramref name="awardId"/>.</summary>
    public async Task<StatusListSlot> AllocateAsync(string organizationId, string awardId, CancellationToken cancellationToken)
    {
        var capacity = Math.Max(options.Value.Capacity, StatusList.MinimumLength);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var list = await store.CurrentAsync(organizationId, capacity, cancellationToken);
            var state = _lists.GetOrAdd(list.Id, _ => new ListState());
            await state.Lock.WaitAsync(cancellationToken);
            try
            {
                if (await TryAllocateAsync(state, list, awardId, cancellationToken) is { } index)
                {
                    return new StatusListSlot(organizationId, list.Id, index);
                }

                await store.MarkFullAsync(list.Id, cancellationToken);
                _lists.TryRemove(list.Id, out _);
            }
            finally
            {
                state.Lock.Release();
            }
        }

        throw new InvalidOperationException($"no status list index could be allocated for organization {organizationId}");
    }

    private async Task<int?> TryAllocateAsync(ListState state, StatusListRecord list, string awardId, CancellationToken cancellationToken)
    {
        var conflicts = 0;
        var reloaded = false;
        state.Allocator ??= await LoadAsync(list, cancellationToken);
        while (true)
        {
            if (state.Allocator.TryAllocate(out var index))
            {
                if (await store.TryReserveAsync(list.Id, index, awardId, cancellationToken))
                {
                    return index;
                }

                if (++conflicts < ConflictsBeforeReload)
                {
                    continue;
                }
            }
            else if (reloaded)
            {
                return null;
            }

            // Full as far as this process knows, or losing races: ask the database what is taken.
            state.Allocator = await LoadAsync(list, cancellationToken);
            reloaded = true;
            conflicts = 0;
            if (state.Allocator.IsFull)
            {
                return null;
            }
        }
    }

    private async Task<StatusListAllocator> LoadAsync(StatusListRecord list, CancellationToken cancellationToken)
    {
        var allocator = new StatusListAllocator(checked((int)list.Capacity));
        foreach (var index in await store.ReservedIndexesAsync(list.Id, cancellationToken))
        {
            allocator.TryReserve(checked((int)index));
        }

        return allocator;
    }

    private sealed class ListState
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public StatusListAllocator? Allocator { get; set; }
    }
}
