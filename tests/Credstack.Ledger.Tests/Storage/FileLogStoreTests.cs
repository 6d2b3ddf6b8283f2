using Credstack.Ledger.Merkle;
using Credstack.Ledger.Storage;
using Credstack.Ledger.Tests.Merkle;

namespace Credstack.Ledger.Tests.Storage;

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
        var files = new[] { "entries.dat", "entries.idx", "hashes.dat", "commits.dat" };
        var committed = 0;
        var next = 0;
        var sawRollback = 0;
        var sawRollForward = 0;
        for (var crash = 0; crash < 150; crash++)
        {
            // Remember the durable state, run one whole append, then undo a random part of what it
            // wrote in each file independently: unflushed writes may reach the disk in any order.
            var before = files.ToDictionary(f => f, f => FileLength(Path.Combine(dir.Path, f)));
            var count = random.Next(1, 30);
            using (var store = Open(dir.Path))
            {
                store.Append(Batch(next, count));
            }

            var torn = false;
            foreach (var name in files)
            {
                var path = Path.Combine(dir.Path, name);
                var written = new FileInfo(path).Length - before[name];
                switch (random.Next(4))
                {
                    case 0:
                        break;
                    case 1:
                        torn = true;
                        using (var stream = new FileStream(path, FileMode.Open))
                        {
                            stream.SetLength(before[name] + random.NextInt64(0, written));
                        }

                        break;
                    case 2:
                        torn = true;
                        using (var stream = new FileStream(path, FileMode.Open))
                        {
                            stream.Position = before[name] + random.NextInt64(0, written);
                            stream.WriteByte((byte)random.Next(256));
                        }

                        break;
                    default:
                        torn = true;
                        using (var stream = new FileStream(path, FileMode.Open))
                        {
                            // Garbage past the end, as a half-written next block would leave.
                            stream.Position = stream.Length;
                            var junk = new byte[random.Next(1, 200)];
                            random.NextBytes(junk);
                            stream.Write(junk);
                        }

                        break;
                }
            }

            using var reopened = Open(dir.Path);
            Assert.True(reopened.Size == committed || reopened.Size == committed + count, $"crash {crash}: size {reopened.Size}, expected {committed} or {committed + count}");
            if (reopened.Size == committed + count)
            {
                reference.Append(Batch(next, count));
                committed += count;
                sawRollForward++;
            }
            else
            {
                Assert.True(torn);
                Assert.NotNull(reopened.Recovery);
                sawRollback++;
            }

            next += count;
            Assert.Equal(reference.RootHash(), reopened.RootHash());
            var root = reopened.RootHash();
            for (var probe = 0; probe < 5 && reopened.Size > 0; probe++)
            {
                var index = random.NextInt64(reopened.Size);
                var proof = ProofBuilder.Inclusion(reopened, index, reopened.Size);
                Assert.True(ProofVerifier.VerifyInclusion(proof, MerkleHash.Leaf(reopened.ReadEntry(index)), root).Verifies);
                Assert.Equal(reference.ReadEntry(index), reopened.ReadEntry(index));
            }

            // Entries after a rollback keep their content, so the same entry numbers are retried.
            next = committed;
        }

        Assert.True(sawRollback > 10 && sawRollForward > 10, $"rollbacks {sawRollback}, roll-forwards {sawRollForward}");
    }

    [Fact]
    public void Damage_to_the_entries_of_an_earlier_batch_fails_the_open_when_the_last_batch_is_torn_too()
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
        bytes[^3] ^= 0x01; // last batch
        bytes[^150] ^= 0x01; // the batch before it
        File.WriteAllBytes(path, bytes);
        var outcome = FileLogStore.Open(dir.Path);
        Assert.False(outcome.Succeeded);
        Assert.Contains("damaged", outcome.Problem, StringComparison.Ordinal);
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

    private static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
