using System.Buffers.Text;
using System.IO.Compression;
using Credstack.Credentials.Status;

namespace Credstack.Credentials.Tests.Status;

public sealed class StatusListDecodeTests
{
    [Fact]
    public void A_gzip_bomb_is_reported_as_too_large_without_inflating_it_all()
    {
        var bomb = Multibase(GzipZeros(64L * 1024 * 1024));
        Assert.True(bomb.Length < StatusListDecodeOptions.Default.MaxEncodedLength);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = StatusList.Decode(bomb);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(StatusProblem.ListTooLarge, result.Problem);
        Assert.Contains("GZIP bomb", result.Reason, StringComparison.Ordinal);
        Assert.True(allocated < 48L * 1024 * 1024, $"Decoding allocated {allocated} bytes.");
    }

    [Fact]
    public void A_smaller_decompression_limit_is_honoured()
    {
        var encoded = new StatusList(1_000_000).Encode();
        var result = StatusList.Decode(encoded, options: new StatusListDecodeOptions { MaxDecompressedBytes = 64 * 1024 });
        Assert.Equal(StatusProblem.ListTooLarge, result.Problem);
    }

    [Fact]
    public void A_list_of_65536_entries_is_too_short()
    {
        var result = StatusList.Decode(Multibase(GzipZeros(8192)));
        Assert.Equal(StatusProblem.ListTooShort, result.Problem);
        Assert.Contains("65536 entries", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_16_kilobyte_list_is_too_short_for_two_bit_entries()
    {
        var result = StatusList.Decode(Multibase(GzipZeros(16_384)), statusSize: 2);
        Assert.Equal(StatusProblem.ListTooShort, result.Problem);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("zH4sIAAAAAAAA", "start with 'u'")]
    [InlineData("uH4sI+AAAA/AA", "base64url")]
    [InlineData("uH4sIAAAAAAAA==", "base64url")]
    [InlineData("uH4sI AAAAAAAA", "base64url")]
    [InlineData("uA", "base64url")]
    [InlineData("uNotGzip", "not canonical base64url")]
    public void Malformed_multibase_is_reported_with_the_reason(string encoded, string expected)
    {
        var result = StatusList.Decode(encoded);
        Assert.Equal(StatusProblem.MalformedList, result.Problem);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Base64url_that_is_not_gzip_is_malformed()
    {
        var result = StatusList.Decode(Multibase(new byte[64]));
        Assert.Equal(StatusProblem.MalformedList, result.Problem);
        Assert.Contains("GZIP", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_gzip_data_is_malformed()
    {
        var gzip = GzipZeros(16_384);
        for (var i = 12; i < gzip.Length - 8; i++)
        {
            gzip[i] ^= 0x5A;
        }

        var result = StatusList.Decode(Multibase(gzip));
        Assert.Equal(StatusProblem.MalformedList, result.Problem);
    }

    [Fact]
    public void An_encoded_list_longer_than_the_limit_is_refused_before_decoding()
    {
        var result = StatusList.Decode("u" + new string('A', 2_000_000));
        Assert.Equal(StatusProblem.ListTooLarge, result.Problem);
    }

    [Fact]
    public void A_status_size_out_of_range_is_refused()
    {
        var encoded = new StatusList().Encode();
        Assert.Equal(StatusProblem.MalformedEntry, StatusList.Decode(encoded, 0).Problem);
        Assert.Equal(StatusProblem.MalformedEntry, StatusList.Decode(encoded, 17).Problem);
    }

    internal static byte[] GzipZeros(long count)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[64 * 1024];
            for (long written = 0; written < count; written += zeros.Length)
            {
                gzip.Write(zeros, 0, (int)Math.Min(zeros.Length, count - written));
            }
        }

        return output.ToArray();
    }

    internal static string Multibase(byte[] bytes) => "u" + Base64Url.EncodeToString(bytes);
}
