using Credstack.Ledger.Storage;

namespace Credstack.Benchmarks.Ledger;

/// <summary>
/// A 10,000,000-entry file log shared by the proof benchmarks. BenchmarkDotNet runs every
/// benchmark in its own process, so the log is built once into a fixed temp folder and reused
/// while its size is right (building it appends 10M entries, about a minute).
/// </summary>
internal static class LedgerLargeLog
{
    public const long Size = 10_000_000;

    public static FileLogStore Open()
    {
        var dir = Path.Combine(Path.GetTempPath(), "credstack-bench-ledger-10m");
        var store = FileLogStore.Open(dir).Value ?? throw new InvalidOperationException($"cannot open {dir}");
        if (store.Size > Size)
        {
            store.Dispose();
            Directory.Delete(dir, recursive: true);
            store = FileLogStore.Open(dir).Value!;
        }

        const int batch = 100_000;
        var entries = new ReadOnlyMemory<byte>[batch];
        while (store.Size < Size)
        {
            var count = (int)Math.Min(batch, Size - store.Size);
            for (var i = 0; i < count; i++)
            {
                entries[i] = System.Text.Encoding.UTF8.GetBytes($"entry {store.Size + i}");
            }

            store.Append(entries[..count]);
        }

        return store;
    }
}
