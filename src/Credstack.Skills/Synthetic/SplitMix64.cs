namespace Credstack.Skills.Synthetic;

/// <summary>
/// A tiny seeded generator (SplitMix64, Steele, Lea and Flood 2014) for repeatable synthetic data.
/// Not for secrets: <see cref="System.Security.Cryptography.RandomNumberGenerator"/> is for those.
/// </summary>
/// <param name="seed">The seed; the same seed gives the same sequence on every platform.</param>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        // The algorithm relies on 64-bit wrap-around; the build checks overflow everywhere else.
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>An integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A new generator seeded from this one (independent streams for independent parts).</summary>
    public SplitMix64 Fork() => new(NextUInt64());
}
