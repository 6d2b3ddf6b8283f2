using System.Security.Cryptography;
using System.Text;
using Credstack.Credentials.Keys;
using SimpleBase;

namespace Credstack.Credentials.Tests.Keys;

/// <summary>The proofValue codec against SimpleBase's Base58.Bitcoin, the reference it replaces on the sign/verify path.</summary>
public sealed class Base58BtcTests
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    [Theory]
    [InlineData("", "")]
    [InlineData("00", "1")]
    [InlineData("0000", "11")]
    [InlineData("61", "2g")]
    [InlineData("626262", "a3gV")]
    [InlineData("636363", "aPEr")]
    [InlineData("516b6fcd0f", "ABnLTmg")]
    [InlineData("00000000000000000000", "1111111111")]
    [InlineData("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L")]
    public void Encode_and_decode_match_the_published_base58_vectors(string hex, string text)
    {
        var bytes = Convert.FromHexString(hex);

        Assert.Equal(text, Base58Btc.Encode(bytes));
        Assert.Equal(bytes, Base58Btc.Decode(text));
    }

    [Fact]
    public void Encode_gives_SimpleBase_output_for_every_length_up_to_130_bytes_with_and_without_leading_zeros()
    {
        for (var length = 0; length <= 130; length++)
        {
            for (var zeros = 0; zeros <= Math.Min(3, length); zeros++)
            {
                var data = Bytes(length, seed: (length * 7) + zeros);
                data.AsSpan(0, zeros).Clear();
                var expected = Base58.Bitcoin.Encode(data);

                Assert.Equal(expected, Base58Btc.Encode(data));
                Assert.Equal(data, Base58Btc.Decode(expected));
            }
        }
    }

    [Fact]
    public void Decode_gives_SimpleBase_output_for_arbitrary_alphabet_text_with_leading_ones()
    {
        for (var length = 1; length <= 200; length++)
        {
            var random = Bytes(length, seed: 1000 + length);
            var text = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                // Every fifth string starts with a run of '1's (leading zero bytes).
                text.Append(length % 5 == 0 && i < 3 ? '1' : Alphabet[random[i] % Alphabet.Length]);
            }

            Assert.Equal(Base58.Bitcoin.Decode(text.ToString()).ToArray(), Base58Btc.Decode(text.ToString()));
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("O")]
    [InlineData("I")]
    [InlineData("l")]
    [InlineData("abc+")]
    [InlineData("abc\u200b")]
    [InlineData("é")]
    [InlineData("\uffff")]
    public void Decode_refuses_characters_outside_the_alphabet(string text)
    {
        Assert.Null(Base58Btc.Decode(text));
    }

    [Fact]
    public void Signatures_of_64_and_96_bytes_round_trip()
    {
        foreach (var length in new[] { 64, 96 })
        {
            for (var seed = 0; seed < 200; seed++)
            {
                var signature = Bytes(length, seed);
                Assert.Equal(signature, Base58Btc.Decode(Base58Btc.Encode(signature)));
            }
        }
    }

    // Deterministic test bytes: SHA-256 in counter mode.
    private static byte[] Bytes(int length, int seed)
    {
        var result = new byte[length];
        Span<byte> block = stackalloc byte[8];
        for (var offset = 0; offset < length; offset += SHA256.HashSizeInBytes)
        {
            BitConverter.TryWriteBytes(block, ((long)seed << 32) | (uint)offset);
            var hash = SHA256.HashData(block);
            hash.AsSpan(0, Math.Min(hash.Length, length - offset)).CopyTo(result.AsSpan(offset));
        }

        return result;
    }
}
