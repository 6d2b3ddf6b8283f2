using System.Buffers.Binary;
using System.Text;
using Credstack.Credentials.Baking;

namespace Credstack.Credentials.Tests.Baking;

public sealed class PngBakerTests
{
    internal const string Json = """{"@context":["https://www.w3.org/ns/credentials/v2"],"id":"urn:uuid:1","type":["VerifiableCredential","OpenBadgeCredential"],"name":"Zoë ✓"}""";
    internal const string Jws = "eyJhbGciOiJFZERTQSJ9.eyJpZCI6InVybjp1dWlkOjEifQ.c2lnbmF0dXJl";

    [Theory]
    [InlineData(Json, BakedPayloadKind.Json)]
    [InlineData(Jws, BakedPayloadKind.CompactJws)]
    public void Bake_then_unbake_returns_the_exact_credential(string credential, BakedPayloadKind kind)
    {
        var baked = PngBaker.Bake(TestPng.OnePixel(), credential);
        Assert.True(baked.Succeeded, baked.Reason);

        var result = PngBaker.Unbake(baked.Image);

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Equal(BakedCredentialFormat.OpenBadge3, result.Format);
        Assert.Equal(kind, result.PayloadKind);
        Assert.Equal(credential, result.Payload);
    }

    [Fact]
    public void The_baked_chunk_is_an_uncompressed_itxt_before_iend_with_empty_language_and_translated_keyword()
    {
        var baked = PngBaker.Bake(TestPng.OnePixel(), Json).Image!;

        Assert.Equal(["IHDR", "IDAT", "iTXt", "IEND"], TestPng.ChunkTypes(baked));
        var expected = TestPng.Chunk("iTXt", TestPng.InternationalText("openbadgecredential", Encoding.UTF8.GetBytes(Json)));
        Assert.Equal(expected, baked[^(12 + expected.Length)..^12]);
        Assert.Equal(TestPng.Chunk("IEND", []), baked[^12..]);
    }

    [Fact]
    public void Baking_keeps_every_other_chunk_byte_for_byte()
    {
        var text = TestPng.Chunk("tEXt", Encoding.Latin1.GetBytes("Comment\0hello"));
        var original = TestPng.OnePixel(text);
        var baked = PngBaker.Bake(original, Json).Image!;
        var withoutBakedChunk = baked[..(original.Length - 12)].Concat(baked[^12..]).ToArray();
        Assert.Equal(original, withoutBakedChunk);
    }

    [Fact]
    public void A_clr_credential_is_baked_with_the_clrcredential_keyword()
    {
        var baked = PngBaker.Bake(TestPng.OnePixel(), Json, BakedCredentialFormat.Clr2).Image!;
        Assert.Contains("clrcredential\0", Encoding.Latin1.GetString(baked), StringComparison.Ordinal);
        Assert.Equal(BakedCredentialFormat.Clr2, PngBaker.Unbake(baked).Format);
    }

    [Fact]
    public void Re_baking_replaces_the_earlier_credential_so_the_image_holds_one()
    {
        var first = PngBaker.Bake(TestPng.OnePixel(), Json).Image!;
        var second = PngBaker.Bake(first, Jws).Image!;

        Assert.Single(TestPng.ChunkTypes(second), t => t == "iTXt");
        Assert.Equal(Jws, PngBaker.Unbake(second).Payload);
    }

    [Fact]
    public void Re_baking_also_removes_an_open_badges_2_chunk()
    {
        var old = TestPng.Chunk("tEXt", Encoding.Latin1.GetBytes("openbadges\0https://issuer.example/assertions/1"));
        var baked = PngBaker.Bake(TestPng.OnePixel(old), Json).Image!;
        Assert.Equal(["IHDR", "IDAT", "iTXt", "IEND"], TestPng.ChunkTypes(baked));
    }

    [Fact]
    public void An_image_without_a_credential_is_not_baked()
    {
        var result = PngBaker.Unbake(TestPng.OnePixel(TestPng.Chunk("iTXt", TestPng.InternationalText("Description", "x"u8.ToArray()))));
        Assert.Equal(UnbakeStatus.NotBaked, result.Status);
        Assert.Null(result.Payload);
    }

    [Fact]
    public void A_compressed_itxt_credential_is_read()
    {
        var chunk = TestPng.Chunk("iTXt", TestPng.InternationalText("openbadgecredential", Encoding.UTF8.GetBytes(Json), compressed: true));
        var result = PngBaker.Unbake(TestPng.OnePixel(chunk));
        Assert.Equal(Json, result.Payload);
    }

    [Fact]
    public void A_compressed_itxt_that_inflates_past_the_limit_is_refused()
    {
        var chunk = TestPng.Chunk("iTXt", TestPng.InternationalText("openbadgecredential", new byte[2 * 1024 * 1024], compressed: true));
        var result = PngBaker.Unbake(TestPng.OnePixel(chunk), new BakingLimits { MaxPayloadBytes = 64 * 1024 });
        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("limit", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tEXt", "https://issuer.example/assertions/1", BakedPayloadKind.Url)]
    [InlineData("iTXt", """{"type":"Assertion","id":"https://issuer.example/assertions/1"}""", BakedPayloadKind.Json)]
    public void An_open_badges_2_image_is_read_for_import(string chunkType, string text, BakedPayloadKind kind)
    {
        var data = chunkType == "tEXt"
            ? Encoding.Latin1.GetBytes("openbadges\0" + text)
            : TestPng.InternationalText("openbadges", Encoding.UTF8.GetBytes(text));
        var result = PngBaker.Unbake(TestPng.OnePixel(TestPng.Chunk(chunkType, data)));
        Assert.Equal(BakedCredentialFormat.OpenBadge2, result.Format);
        Assert.Equal(kind, result.PayloadKind);
        Assert.Equal(text, result.Payload);
    }

    [Fact]
    public void The_first_credential_chunk_wins()
    {
        var first = TestPng.Chunk("iTXt", TestPng.InternationalText("openbadgecredential", Encoding.UTF8.GetBytes(Jws)));
        var second = TestPng.Chunk("iTXt", TestPng.InternationalText("openbadgecredential", Encoding.UTF8.GetBytes(Json)));
        Assert.Equal(Jws, PngBaker.Unbake(TestPng.OnePixel(first, second)).Payload);
    }

    [Fact]
    public void A_file_that_is_not_a_png_is_malformed()
    {
        var result = PngBaker.Unbake("GIF89a this is not a png"u8);
        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("signature", result.Reason, StringComparison.Ordinal);
        Assert.Equal(UnbakeStatus.Malformed, PngBaker.Unbake([]).Status);
    }

    [Fact]
    public void A_truncated_chunk_is_malformed()
    {
        var png = TestPng.OnePixel();
        var result = PngBaker.Unbake(png.AsSpan(0, png.Length - 20));
        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("declares", result.Reason, StringComparison.Ordinal);

        var missingEnd = PngBaker.Unbake(png.AsSpan(0, png.Length - 12));
        Assert.Contains("IEND", missingEnd.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chunk_with_a_wrong_crc_is_malformed()
    {
        var png = TestPng.OnePixel();
        png[8 + 8 + 3] ^= 0x01; // flip a bit of the IHDR width
        var result = PngBaker.Unbake(png);
        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("IHDR", result.Reason, StringComparison.Ordinal);
        Assert.Contains("CRC", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_declared_chunk_length_is_refused_without_allocating_it()
    {
        var png = TestPng.OnePixel();
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(8 + 25), 0xFFFFFFF0u); // the IDAT length
        var result = PngBaker.Unbake(png);
        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("4294967280", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_after_iend_or_a_first_chunk_other_than_ihdr_is_malformed()
    {
        var trailing = TestPng.OnePixel().Concat("junk"u8.ToArray()).ToArray();
        Assert.Contains("follow the IEND", PngBaker.Unbake(trailing).Reason, StringComparison.Ordinal);

        var noHeader = TestPng.Signature.Concat(TestPng.Chunk("IEND", [])).ToArray();
        Assert.Contains("not IHDR", PngBaker.Unbake(noHeader).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_over_the_size_limit_is_refused()
    {
        var result = PngBaker.Unbake(TestPng.OnePixel(), new BakingLimits { MaxImageBytes = 10 });
        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.False(PngBaker.Bake(TestPng.OnePixel(), Json, limits: new BakingLimits { MaxImageBytes = 10 }).Succeeded);
    }

    [Theory]
    [InlineData("not a credential")]
    [InlineData("{\"unterminated\":")]
    [InlineData("a.b")]
    public void Baked_text_that_is_neither_json_nor_a_jws_is_malformed(string text)
    {
        var chunk = TestPng.Chunk("iTXt", TestPng.InternationalText("openbadgecredential", Encoding.UTF8.GetBytes(text)));
        Assert.Equal(UnbakeStatus.Malformed, PngBaker.Unbake(TestPng.OnePixel(chunk)).Status);
        Assert.False(PngBaker.Bake(TestPng.OnePixel(), text).Succeeded);
    }

    [Fact]
    public void Invalid_utf8_or_an_undefined_compression_method_is_malformed()
    {
        var badUtf8 = TestPng.Chunk("iTXt", TestPng.InternationalText("openbadgecredential", [0x7B, 0xC3, 0x28, 0x7D]));
        Assert.Contains("UTF-8", PngBaker.Unbake(TestPng.OnePixel(badUtf8)).Reason, StringComparison.Ordinal);

        var data = TestPng.InternationalText("openbadgecredential", Encoding.UTF8.GetBytes(Json));
        data["openbadgecredential".Length + 2] = 7; // compression method 7 does not exist
        data["openbadgecredential".Length + 1] = 1;
        Assert.Contains("compression", PngBaker.Unbake(TestPng.OnePixel(TestPng.Chunk("iTXt", data))).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Baking_refuses_a_malformed_png_and_open_badges_2()
    {
        var png = TestPng.OnePixel();
        png[^1] ^= 0xFF;
        var result = PngBaker.Bake(png, Json);
        Assert.False(result.Succeeded);
        Assert.Contains("CRC", result.Reason, StringComparison.Ordinal);
        Assert.False(PngBaker.Bake(TestPng.OnePixel(), Json, BakedCredentialFormat.OpenBadge2).Succeeded);
    }
}
