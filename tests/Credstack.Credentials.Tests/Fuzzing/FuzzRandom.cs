namespace Credstack.Credentials.Tests.Fuzzing;

/// <summary>
/// SplitMix64: a small seeded generator whose sequence is fixed by this code, not by a runtime version, so a seed
/// printed in a failure reproduces the same mutants anywhere. Not for secrets.
/// </summary>
internal sealed class FuzzRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The generator for item <paramref name="index"/> of stream <paramref name="stream"/>: independent of run order.</summary>
    public static FuzzRandom For(ulong seed, string stream, int index)
    {
        var mixed = seed;
        foreach (var c in stream)
        {
            mixed = unchecked((mixed ^ c) * 0x100000001B3UL);
        }

        return new FuzzRandom(mixed ^ unchecked((ulong)index * 0x9E3779B97F4A7C15UL));
    }

    public ulong NextUInt64()
    {
        // Wrapping multiplication is the algorithm (the build checks arithmetic by default).
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i] = unchecked((byte)NextUInt64());
        }

        return bytes;
    }
}
