using Credstack.Ledger.Merkle;
using Credstack.Ledger.Storage;
using Credstack.Ledger.Tests.Merkle;

namespace Credstack.Ledger.Tests.Storage;

// One test here measures the process's managed heap, which other test classes running in
// parallel would disturb: this collection runs on its own.
[Collection(nameof(HeapMeasurement))]
public sealed class FileLogStoreTests
{
    private static FileLogStore Open(string dir)
    {
        var outcome = FileLogStore.Open(dir);
        Assert.True(outcome.Succeeded, outcome.Problem);
        return outcome.Value!;
    }

    private static ReadOnlyMemory<byte>[] Batch(int start, int count) =>
        [.. Enumerable.Range(start, count).Select(i => (ReadOnlyMemory<byte>)TestLogs.Entry(i))];

    [Fact]
    public void The_file_store_produces_the_same_hashes_and_proofs_as_the_memory_store_across_reopens()
    {
        using var dir = new TempDirectory();
        using var memory = new MemoryLogStore();
        var random = new Random(7);
        var next = 0;
        for (var round = 0; round < 6; round++)
        {
            using var file = Open(dir.Path);
            Assert.Null(file.Recovery);
            Assert.Equal(memory.Size, file.Size);
            for (var batch = 0; batch < 5; batch++)
            {
                var count = random.Next(1, 40);
                Assert.Equal(next, file.Append(Batch(next, count)));
                memory.Append(Batch(next, count));
                next += count;
                Assert.Equal(memory.RootHash(), file.RootHash());
            }

            for (var n = 1; n <= file.Size; n += 7)
            {
                Assert.Equal(ProofBuilder.RootHash(memory, n), ProofBuilder.RootHash(file, n));
                var m = random.Next(0, n);
                Assert.Equal(ProofBuilder.Inclusion(memory, m, n).Path, ProofBuilder.Inclusion(file, m, n).Path);
                Assert.Equal(ProofBuilder.Consistency(memory, m + 1, n).Path, ProofBuilder.Consistency(file, m + 1, n).Path);
            }

            Assert.Equal(TestLogs.Entry(next - 1), file.ReadEntry(next - 1));
            Assert.Equal(TestLogs.Entry(0), file.ReadEntry(0));
        }
    }

    [Fact]
    public void The_file_stores_managed_memory_does_not_grow_with_the_log()
    {
        using var dir = new TempDirectory();
        using var store = Open(dir.Path);
        long HeapAfter(int entries)
        {
            while (store.Size < entries)
            {
                store.Append(Batch((int)store.Size, 5_000));
            }

            // Touch proofs across the whole log so the map and caches are in use.
            for (long i = 0; i < store.Size; i += 997)
            {
                ProofBuilder.Inclusion(store, i, store.Size);
            }

            return GC.GetTotalMemory(forceFullCollection: true);
        }

        var small = HeapAfter(20_000);
        var large = HeapAfter(200_000);
        Assert.True(large - small < 512 * 1024, $"heap grew by {large - small} bytes from 20,000 to 200,000 entries");
    }

    [Fact]
    public void A_second_writer_on_the_same_directory_is_refused_with_a_reason()
    {
        using var dir = new TempDirectory();
        using var first = Open(dir.Path);
        var second = FileLogStore.Open(dir.Path);
        Assert.False(second.Succeeded);
        Assert.Contains("in use", second.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Torn_appends_at_random_points_always_reopen_as_a_valid_prefix_whose_proofs_verify()
    {
        var random = new Random(1729);
        using var reference = new MemoryLogStore();
        using var dir = new TempDirectory();
        string PathOf(string name) => Path.Combine(dir.Path, name);
        var derived = new[] { "entries.idx", "hashes.dat" };
        var committed = 0;
        var rollbacks = 0;
        var rollForwards = 0;
        for (var crash = 0; crash < 150; crash++)
        {
            // Remember the durable state, run one whole append, then undo what a crash at a random
            // point of it would have left unwritten. Writes not yet flushed may reach the disk in
            // part and in any order; a flushed file is intact.
            var before = new[] { "entries.dat", "entries.idx", "hashes.dat" }.ToDictionary(f => f, f => FileLength(PathOf(f)));
            var oldState = File.Exists(PathOf("state.dat")) ? File.ReadAllBytes(PathOf("state.dat")) : [];
            var count = random.Next(1, 30);
            using (var store = OpenWithFlushEvery(dir.Path, random.Next(1, 4000)))
            {
                store.Append(Batch(committed, count));
            }

            var mode = random.Next(4);
            var entriesTorn = false;
            if (mode == 1)
            {
                // Crashed before the entries flush finished: everything new may be torn.
                File.WriteAllBytes(PathOf("state.dat"), oldState);
                entriesTorn = Tear(PathOf("entries.dat"), before["entries.dat"], random);
                foreach (var name in derived)
                {
                    Tear(PathOf(name), before[name], random);
                }
            }
            else if (mode == 2)
            {
                // Crashed after the entries flush, before the derived files were flushed.
                File.WriteAllBytes(PathOf("state.dat"), oldState);
                foreach (var name in derived)
                {
                    Tear(PathOf(name), before[name], random);
                }
            }
            else if (mode == 3)
            {
                // Crashed while writing the state record itself: the derived files were flushed before it.
                var state = File.ReadAllBytes(PathOf("state.dat"));
                state[random.Next(state.Length)] ^= (byte)(1 + random.Next(255));
                File.WriteAllBytes(PathOf("state.dat"), state[..random.Next(state.Length + 1)]);
            }

            if (random.Next(3) == 0)
            {
                // Garbage past the end, as a half-written next batch would leave.
                using var stream = new FileStream(PathOf("entries.dat"), FileMode.Append);
                var junk = new byte[random.Next(1, 300)];
                random.NextBytes(junk);
                stream.Write(junk);
            }

            using var reopened = Open(dir.Path);
            Assert.True(reopened.Size == committed || reopened.Size == committed + count, $"crash {crash}: size {reopened.Size}, expected {committed} or {committed + count}");
            if (reopened.Size == committed + count)
            {
                reference.Append(Batch(committed, count));
                committed += count;
                rollForwards++;
            }
            else
            {
                Assert.True(entriesTorn);
                Assert.NotNull(reopened.Recovery);
                rollbacks++;
            }

            Assert.Equal(reference.RootHash(), reopened.RootHash());
            var root = reopened.RootHash();
            for (var probe = 0; probe < 5 && reopened.Size > 0; probe++)
            {
                var index = random.NextInt64(reopened.Size);
                var proof = ProofBuilder.Inclusion(reopened, index, reopened.Size);
                Assert.True(ProofVerifier.VerifyInclusion(proof, MerkleHash.Leaf(reopened.ReadEntry(index)), root).Verifies);
                Assert.Equal(reference.ReadEntry(index), reopened.ReadEntry(index));
            }

            if (crash % 25 == 0)
            {
                Assert.True(reopened.Audit().Verifies);
            }
        }

        Assert.True(rollbacks > 10 && rollForwards > 10, $"rollbacks {rollbacks}, roll-forwards {rollForwards}");
    }

    [Fact]
    public void Damage_inside_a_batch_that_later_batches_follow_fails_the_open_instead_of_cutting_the_log_short()
    {
        using var dir = new TempDirectory();
        using (var store = Open(dir.Path))
        {
            store.Append(Batch(0, 10));
            store.Append(Batch(10, 10));
            store.Append(Batch(20, 10));
        }

        var path = Path.Combine(dir.Path, "entries.dat");
        var bytes = File.ReadAllBytes(path);
        bytes[6] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        File.WriteAllBytes(Path.Combine(dir.Path, "state.dat"), []);
        var outcome = FileLogStore.Open(dir.Path);
        Assert.False(outcome.Succeeded);
        Assert.Contains("damaged but later batches were committed", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_reports_a_flipped_bit_in_an_old_entry_that_open_does_not_read()
    {
        using var dir = new TempDirectory();
        using (var store = Open(dir.Path))
        {
            store.Append(Batch(0, 10));
            store.Append(Batch(10, 10));
            Assert.True(store.Audit().Verifies);
        }

        var path = Path.Combine(dir.Path, "entries.dat");
        var bytes = File.ReadAllBytes(path);
        bytes[6] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        using var reopened = Open(dir.Path);
        var verdict = reopened.Audit();
        Assert.False(verdict.Verifies);
        Assert.Contains("entry 0 does not match", verdict.Reason, StringComparison.Ordinal);
    }

    private static FileLogStore OpenWithFlushEvery(string dir, long bytes)
    {
        var outcome = FileLogStore.Open(dir, bytes);
        Assert.True(outcome.Succeeded, outcome.Problem);
        return outcome.Value!;
    }

    // Leaves the bytes before `durable` alone and damages what follows: cut short, a flipped byte, or kept.
    private static bool Tear(string path, long durable, Random random)
    {
        var bytes = File.ReadAllBytes(path);
        var written = bytes.Length - durable;
        if (written <= 0)
        {
            return false;
        }

        switch (random.Next(3))
        {
            case 0:
                File.WriteAllBytes(path, bytes[..(int)(durable + random.NextInt64(written))]);
                return true;
            case 1:
                bytes[durable + random.NextInt64(written)] ^= (byte)(1 + random.Next(255));
                File.WriteAllBytes(path, bytes);
                return true;
            default:
                return false;
        }
    }

    private static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
