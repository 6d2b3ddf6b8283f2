using System.Security.Cryptography;

namespace Credstack.Ledger.Tests.Merkle;

/// <summary>
/// A deliberately naive reference written straight from the recursive definitions of RFC 9162
/// section 2.1.1 (MTH), 2.1.3.1 (PATH) and 2.1.4.1 (PROOF/SUBPROOF) over the raw entries, sharing no
/// code with the library. Subtree hashes are memoised only so that every size up to 300 runs quickly.
/// </summary>
internal sealed class NaiveMerkle(IReadOnlyList<byte[]> entries)
{
    private readonly Dictionary<(int Start, int Count), byte[]> _memo = [];

    public byte[] Mth(int start, int count)
    {
        if (_memo.TryGetValue((start, count), out var cached))
        {
            return cached;
        }

        byte[] hash;
        if (count == 0)
        {
            hash = SHA256.HashData(Array.Empty<byte>());
        }
        else if (count == 1)
        {
            hash = SHA256.HashData([0x00, .. entries[start]]);
        }
        else
        {
            var k = K(count);
            hash = SHA256.HashData([0x01, .. Mth(start, k), .. Mth(start + k, count - k)]);
        }

        _memo[(start, count)] = hash;
        return hash;
    }

    public List<byte[]> Path(int m, int start, int count)
    {
        if (count <= 1)
        {
            return [];
        }

        var k = K(count);
        return m < k
            ? [.. Path(m, start, k), Mth(start + k, count - k)]
            : [.. Path(m - k, start + k, count - k), Mth(start, k)];
    }

    public List<byte[]> Proof(int m, int n) => Subproof(m, 0, n, true);

    private List<byte[]> Subproof(int m, int start, int count, bool b)
    {
        if (m == count)
        {
            return b ? [] : [Mth(start, count)];
        }

        var k = K(count);
        return m <= k
            ? [.. Subproof(m, start, k, b), Mth(start + k, count - k)]
            : [.. Subproof(m - k, start + k, count - k, false), Mth(start, k)];
    }

    // "k is the largest power of two smaller than n"
    private static int K(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }
}
