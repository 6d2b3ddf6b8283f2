using Credstack.Credentials.Status;

namespace Credstack.Credentials.Tests.Status;

public sealed class StatusListAllocatorTests
{
    [Fact]
    public void Allocation_is_not_sequential()
    {
        var allocator = new StatusListAllocator();
        var indexes = Enumerable.Range(0, 64).Select(_ => Allocate(allocator)).ToList();

        // Sequential allocation would give 0..63; random allocation over 131,072 slots essentially never does.
        Assert.NotEqual(Enumerable.Range(0, 64), indexes);
        Assert.True(indexes.Max() > 1000);
        Assert.Equal(64, indexes.Distinct().Count());
    }

    [Fact]
    public void Every_index_is_handed_out_exactly_once_until_the_list_is_full()
    {
        var allocator = new StatusListAllocator(StatusList.MinimumLength + 3);
        var seen = new bool[allocator.Capacity];
        for (var i = 0; i < allocator.Capacity; i++)
        {
            var index = Allocate(allocator);
            Assert.False(seen[index], $"Index {index} was handed out twice.");
            seen[index] = true;
        }

        Assert.True(allocator.IsFull);
        Assert.False(allocator.TryAllocate(out var none));
        Assert.Equal(-1, none);
        Assert.All(seen, Assert.True);
    }

    [Fact]
    public void State_round_trips_and_the_restored_allocator_never_reuses_an_index()
    {
        var allocator = new StatusListAllocator();
        var first = Enumerable.Range(0, 1000).Select(_ => Allocate(allocator)).ToHashSet();

        var state = allocator.ExportState();
        var json = System.Text.Json.JsonSerializer.Serialize(state);
        var restored = StatusListAllocator.Restore(System.Text.Json.JsonSerializer.Deserialize<StatusListAllocatorState>(json)!);

        Assert.Equal(1000, restored.AllocatedCount);
        Assert.All(first, i => Assert.True(restored.IsAllocated(i)));
        for (var i = 0; i < 5000; i++)
        {
            Assert.DoesNotContain(Allocate(restored), first);
        }
    }

    [Fact]
    public void A_reserved_index_is_never_allocated()
    {
        var allocator = new StatusListAllocator();
        Assert.True(allocator.TryReserve(42));
        Assert.False(allocator.TryReserve(42));
        Assert.Equal(1, allocator.AllocatedCount);
    }

    [Fact]
    public void Corrupt_state_is_refused()
    {
        Assert.Throws<FormatException>(() => StatusListAllocator.Restore(new StatusListAllocatorState(StatusList.MinimumLength, Convert.ToBase64String(new byte[10]))));
        Assert.Throws<FormatException>(() => StatusListAllocator.Restore(new StatusListAllocatorState(100, Convert.ToBase64String(new byte[13]))));
        var tail = new byte[(StatusList.MinimumLength + 1 + 7) / 8];
        tail[^1] = 0x01;
        Assert.Throws<FormatException>(() => StatusListAllocator.Restore(new StatusListAllocatorState(StatusList.MinimumLength + 1, Convert.ToBase64String(tail))));
    }

    private static int Allocate(StatusListAllocator allocator)
    {
        Assert.True(allocator.TryAllocate(out var index));
        return index;
    }
}
