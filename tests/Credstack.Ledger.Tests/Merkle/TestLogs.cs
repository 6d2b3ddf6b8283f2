using Credstack.Ledger.Storage;

namespace Credstack.Ledger.Tests.Merkle;

internal static class TestLogs
{
    public static byte[] Entry(int i) => System.Text.Encoding.UTF8.GetBytes($"entry {i}");

    public static List<byte[]> Entries(int count) => [.. Enumerable.Range(0, count).Select(Entry)];

    public static MemoryLogStore Memory(IReadOnlyList<byte[]> entries)
    {
        var store = new MemoryLogStore();
        store.Append([.. entries.Select(e => (ReadOnlyMemory<byte>)e)]);
        return store;
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
