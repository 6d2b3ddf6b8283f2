using System.Collections.Concurrent;
using Credstack.Credentials.Status;
using Microsoft.Extensions.Options;

namespace Credstack.Server.StatusLists;

/// <summary>
/// Gives each credential a status list index drawn at random (Bitstring Status List §6, herd
/// privacy) and never handed out twice. The database's primary key on (list, index) is the
/// authority, so several processes can allocate at once; each process keeps a
/// <see cref="StatusListAllocator"/> per list so its draws avoid indexes it knows are taken, and a
/// draw that loses a race to another process is simply drawn again. A batch of credentials
/// (bulk issuance) reserves all its indexes in one transaction.
/// </summary>
internal sealed class StatusListAllocation(StatusListStore store, IOptions<StatusListOptions> options)
{
    // A round that loses more than this share of its draws to other processes means the process's
    // view is stale: reload it from the database before drawing again.
    private const double LostShareBeforeReload = 0.25;

    // Rounds on one list before giving up: each round takes at least one index unless the list is full.
    private const int MaxRounds = 64;

    private readonly ConcurrentDictionary<string, ListState> _lists = new(StringComparer.Ordinal);

    /// <summary>
    /// Reserves a random free index for each of <paramref name="awardIds"/> (in the organization's current
    /// list, continuing in the next one when it fills up); the slots are in the order of the ids.
    /// </summary>
    public async Task<IReadOnlyList<StatusListSlot>> AllocateManyAsync(string organizationId, IReadOnlyList<string> awardIds, CancellationToken cancellationToken)
    {
        var capacity = Math.Max(options.Value.Capacity, StatusList.MinimumLength);
        var slots = new StatusListSlot?[awardIds.Count];
        var waiting = Enumerable.Range(0, awardIds.Count).ToList();
        for (var listsTried = 0; waiting.Count > 0; listsTried++)
        {
            if (listsTried >= 10)
            {
                throw new InvalidOperationException($"no status list index could be allocated for organization {organizationId}");
            }

            var list = await store.CurrentAsync(organizationId, capacity, cancellationToken);
            var state = _lists.GetOrAdd(list.Id, _ => new ListState());
            await state.Lock.WaitAsync(cancellationToken);
            try
            {
                waiting = await ReserveAsync(state, list, organizationId, awardIds, waiting, slots, cancellationToken);
                if (waiting.Count > 0)
                {
                    await store.MarkFullAsync(list.Id, cancellationToken);
                    _lists.TryRemove(list.Id, out _);
                }
            }
            finally
            {
                state.Lock.Release();
            }
        }

        return [.. slots.Select(s => s!)];
    }

    /// <summary>Reserves indexes of <paramref name="list"/> for the awards at <paramref name="waiting"/>; returns those still waiting (the list is full).</summary>
    private async Task<List<int>> ReserveAsync(
        ListState state, StatusListRecord list, string organizationId, IReadOnlyList<string> awardIds, List<int> waiting, StatusListSlot?[] slots, CancellationToken cancellationToken)
    {
        var reloaded = false;
        state.Allocator ??= await LoadAsync(list, cancellationToken);
        for (var round = 0; waiting.Count > 0; round++)
        {
            if (round >= MaxRounds)
            {
                throw new InvalidOperationException($"status list {list.Id} kept losing its draws to other processes");
            }

            var candidates = new List<(int Index, string AwardId)>(waiting.Count);
            while (candidates.Count < waiting.Count && state.Allocator.TryAllocate(out var index))
            {
                candidates.Add((index, awardIds[waiting[candidates.Count]]));
            }

            if (candidates.Count == 0)
            {
                // Full as far as this process knows: ask the database what is taken, once.
                if (reloaded)
                {
                    return waiting;
                }

                state.Allocator = await LoadAsync(list, cancellationToken);
                reloaded = true;
                continue;
            }

            // A candidate another process took meanwhile is marked used in this view (it is), and its award draws again.
            var taken = await store.TryReserveManyAsync(list.Id, candidates, cancellationToken);
            var still = new List<int>(waiting.Count - taken.Count);
            for (var i = 0; i < waiting.Count; i++)
            {
                if (i < candidates.Count && taken.Contains(candidates[i].Index))
                {
                    slots[waiting[i]] = new StatusListSlot(organizationId, list.Id, candidates[i].Index);
                }
                else
                {
                    still.Add(waiting[i]);
                }
            }

            var lost = candidates.Count - taken.Count;
            waiting = still;
            if (lost > 0 && lost > candidates.Count * LostShareBeforeReload)
            {
                state.Allocator = await LoadAsync(list, cancellationToken);
                reloaded = false;
            }
        }

        return waiting;
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
