// The base58btc alphabet of the Multibase draft (draft-multiformats-multibase §3.1, prefix 'z'), the Bitcoin
// encoding: the bytes are one big-endian number written in base 58, and each leading zero byte is one leading '1'.
// Same output as SimpleBase's Base58.Bitcoin, which stays in use elsewhere; this one is for the signature-sized
// values on the sign/verify path (proofValue), where SimpleBase's byte-at-a-time division cost ~7 µs per 64-byte
// signature. It works on limbs of 58^5 (encoding) and 2^32 (decoding), five digits or four bytes per step.
using System.Buffers;

namespace Credstack.Credentials.Keys;

/// <summary>base58btc encoding and decoding for short values (signatures, keys).</summary>
internal static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    // 58^5, the largest power of 58 below 2^30: a limb times 2^32 plus a carry stays below 2^62.
    private const uint DigitsRadix = 656_356_768;
    private const int DigitsPerLimb = 5;

    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);
    private static readonly sbyte[] DigitOf = BuildDigitTable();

    /// <summary>The base58btc text of <paramref name="data"/> (without the multibase 'z').</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        var rest = data[zeros..];

        // log(256) / log(58^5) < 0.2732: limbs of the number in base 58^5, least significant first.
        var limbCapacity = (rest.Length * 2732 / 10000) + 2;
        Span<uint> limbs = limbCapacity <= 64 ? stackalloc uint[limbCapacity] : new uint[limbCapacity];
        var used = 0;

        // Feed the big-endian bytes four at a time (the first chunk takes the remainder), multiplying by 2^(8k).
        var head = rest.Length % 4;
        var position = 0;
        while (position < rest.Length)
        {
            var take = position == 0 && head != 0 ? head : 4;
            ulong carry = 0;
            for (var i = 0; i < take; i++)
            {
                carry = (carry << 8) | rest[position + i];
            }

            var shift = 8 * take;
            for (var j = 0; j < used; j++)
            {
                carry += (ulong)limbs[j] << shift;
                limbs[j] = (uint)(carry % DigitsRadix);
                carry /= DigitsRadix;
            }

            while (carry != 0)
            {
                limbs[used++] = (uint)(carry % DigitsRadix);
                carry /= DigitsRadix;
            }

            position += take;
        }

        // Digits of the number, most significant first, without leading zero digits.
        var capacity = (used * DigitsPerLimb) + zeros;
        Span<char> digits = capacity <= 512 ? stackalloc char[capacity] : new char[capacity];
        Span<char> scratch = stackalloc char[DigitsPerLimb];
        var length = 0;
        for (var j = used - 1; j >= 0; j--)
        {
            var limb = limbs[j];
            var chunk = scratch;
            for (var k = DigitsPerLimb - 1; k >= 0; k--)
            {
                chunk[k] = Alphabet[(int)(limb % 58)];
                limb /= 58;
            }

            if (j == used - 1)
            {
                // The most significant limb carries no leading zero digits.
                var skip = 0;
                while (skip < DigitsPerLimb - 1 && chunk[skip] == '1')
                {
                    skip++;
                }

                chunk = chunk[skip..];
            }

            chunk.CopyTo(digits[(zeros + length)..]);
            length += chunk.Length;
        }

        digits[..zeros].Fill('1');
        return new string(digits[..(zeros + length)]);
    }

    /// <summary>
    /// Decodes base58btc text (without the multibase 'z'); null when a character is outside the alphabet.
    /// </summary>
    public static byte[]? Decode(ReadOnlySpan<char> text)
    {
        if (text.ContainsAnyExcept(AlphabetValues))
        {
            return null;
        }

        var ones = 0;
        while (ones < text.Length && text[ones] == '1')
        {
            ones++;
        }

        var rest = text[ones..];

        // log(58) / log(2^32) < 0.1831: limbs of the number in base 2^32, least significant first.
        var limbCapacity = (rest.Length * 1831 / 10000) + 2;
        Span<uint> limbs = limbCapacity <= 64 ? stackalloc uint[limbCapacity] : new uint[limbCapacity];
        var used = 0;

        // Feed the digits five at a time (the first chunk takes the remainder), multiplying by 58^k.
        var head = rest.Length % DigitsPerLimb;
        var position = 0;
        while (position < rest.Length)
        {
            var take = position == 0 && head != 0 ? head : DigitsPerLimb;
            ulong carry = 0;
            ulong factor = 1;
            for (var i = 0; i < take; i++)
            {
                carry = (carry * 58) + (uint)DigitOf[rest[position + i]];
                factor *= 58;
            }

            for (var j = 0; j < used; j++)
            {
                carry += limbs[j] * factor;
                limbs[j] = unchecked((uint)carry);
                carry >>= 32;
            }

            while (carry != 0)
            {
                limbs[used++] = unchecked((uint)carry);
                carry >>= 32;
            }

            position += take;
        }

        // Bytes of the number, big-endian, without leading zero bytes, after one zero byte per leading '1'.
        var significant = used * 4;
        if (used > 0)
        {
            var top = limbs[used - 1];
            while ((top >> 24) == 0)
            {
                top = unchecked(top << 8);
                significant--;
            }
        }

        var result = new byte[ones + significant];
        var at = result.Length - 1;
        for (var j = 0; j < used; j++)
        {
            var limb = limbs[j];
            for (var k = 0; k < 4 && at >= ones; k++)
            {
                result[at--] = unchecked((byte)limb);
                limb >>= 8;
            }
        }

        return result;
    }

    private static sbyte[] BuildDigitTable()
    {
        var table = new sbyte[128];
        Array.Fill(table, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            table[Alphabet[i]] = (sbyte)i;
        }

        return table;
    }
}
