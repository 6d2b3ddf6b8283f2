// W3C Bitstring Status List v1.0, §6.x "Privacy Considerations" (Group Privacy / Correlation
// Risk): indexes should be assigned at random, not in issuance order, so that an index reveals
// nothing about when or to whom a credential was issued. An index is never handed out twice,
// even after its credential is revoked, so one list position always means one credential.
using System.Numerics;
using System.Security.Cryptography;

namespace Credstack.Credentials.Status;

/// <summary>
/// Hands out free indexes of one status list at random, never twice. Not thread-safe: a server
/// serializes allocation per list (and persists <see cref="ExportState"/> in the same transaction).
/// </summary>
public sealed class StatusListAllocator
{
    // Up to this many random draws before switching to "pick the k-th free index": rejection
    // sampling is uniform and fast while the list is mostly free; the k-th free pick stays
    // uniform and bounded when it is nearly full.
    private const int RandomDraws = 32;

    private readonly byte[] _used;

    /// <summary>Creates an allocator for a list of <paramref name="capacity"/> entries, none used.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is below <see cref="StatusList.MinimumLength"/>.</exception>
    public StatusListAllocator(int capacity = StatusList.MinimumLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, StatusList.MinimumLength);
        Capacity = capacity;
        _used = new byte[(capacity + 7) / 8];
    }

    private StatusListAllocator(int capacity, byte[] used, int count)
    {
        Capacity = capacity;
        _used = used;
        AllocatedCount = count;
    }

    /// <summary>Number of entries in the list.</summary>
    public int Capacity { get; }

    /// <summary>Number of indexes handed out so far.</summary>
    public int AllocatedCount { get; private set; }

    /// <summary>True when every index has been handed out: the server must open a new list.</summary>
    public bool IsFull => AllocatedCount >= Capacity;

    /// <summary>Takes a random free index.</summary>
    /// <param name="index">The index, or -1 when the list is full.</param>
    /// <returns>False when the list is full.</returns>
    public bool TryAllocate(out int index)
    {
        if (IsFull)
        {
            index = -1;
            return false;
        }

        for (var draw = 0; draw < RandomDraws; draw++)
        {
            var candidate = RandomNumberGenerator.GetInt32(Capacity);
            if (!IsAllocated(candidate))
            {
                Take(candidate);
                index = candidate;
                return true;
            }
        }

        index = NthFree(RandomNumberGenerator.GetInt32(Capacity - AllocatedCount));
        Take(index);
        return true;
    }

    /// <summary>True when <paramref name="index"/> has been handed out.</summary>
    public bool IsAllocated(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Capacity);
        return (_used[index >> 3] & (0x80 >> (index & 7))) != 0;
    }

    /// <summary>Marks an index as used without drawing it, e.g. when importing credentials issued elsewhere.</summary>
    /// <returns>False when it was already used.</returns>
    public bool TryReserve(int index)
    {
        if (IsAllocated(index))
        {
            return false;
        }

        Take(index);
        return true;
    }

    /// <summary>The state to persist: capacity and a bitmap of used indexes (base64).</summary>
    public StatusListAllocatorState ExportState() => new(Capacity, Convert.ToBase64String(_used));

    /// <summary>Restores an allocator from <see cref="ExportState"/>.</summary>
    /// <exception cref="FormatException">The state is inconsistent (a corrupt store is a broken environment, not an expected outcome).</exception>
    public static StatusListAllocator Restore(StatusListAllocatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Capacity < StatusList.MinimumLength)
        {
            throw new FormatException($"Allocator state has capacity {state.Capacity}, below the minimum of {StatusList.MinimumLength}.");
        }

        var used = Convert.FromBase64String(state.Used);
        if (used.Length != (state.Capacity + 7) / 8)
        {
            throw new FormatException($"Allocator state bitmap is {used.Length} bytes; capacity {state.Capacity} needs {(state.Capacity + 7) / 8}.");
        }

        var tail = state.Capacity & 7;
        if (tail != 0 && (used[^1] & (0xFF >> tail)) != 0)
        {
            throw new FormatException("Allocator state marks indexes past the capacity as used.");
        }

        var count = 0;
        foreach (var b in used)
        {
            count += BitOperations.PopCount(b);
        }

        return new StatusListAllocator(state.Capacity, used, count);
    }

    private void Take(int index)
    {
        _used[index >> 3] |= (byte)(0x80 >> (index & 7));
        AllocatedCount++;
    }

    private int NthFree(int n)
    {
        for (var i = 0; i < _used.Length; i++)
        {
            var freeInByte = 8 - BitOperations.PopCount(_used[i]);
            if (n >= freeInByte)
            {
                n -= freeInByte;
                continue;
            }

            for (var bit = 0; bit < 8; bit++)
            {
                var index = (i << 3) + bit;
                if (index < Capacity && (_used[i] & (0x80 >> bit)) == 0 && n-- == 0)
                {
                    return index;
                }
            }
        }

        throw new InvalidOperationException("Allocator bookkeeping is inconsistent: no free index found although the list is not full.");
    }
}
