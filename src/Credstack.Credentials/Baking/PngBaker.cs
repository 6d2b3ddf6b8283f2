// Open Badges 3.0 §5.3.1 "PNG" baking (and CLR 2.0, same rules with keyword clrcredential):
// one iTXt chunk (PNG §11.3.3.5), keyword openbadgecredential, compression flag 0, method 0,
// empty language tag and translated keyword, text = JSON credential or compact JWS, placed
// before IEND. Choice: re-baking REPLACES any earlier baked credential chunk (OB 3.0, CLR 2.0 or
// OB 2.0 keyword) instead of failing, so an image never carries two credentials.
// Unbaking also reads a compressed iTXt (flag 1, zlib) and, for import, the OB 2.0 keyword
// "openbadges" in iTXt or tEXt.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Credstack.Credentials.Baking;

/// <summary>Bakes a credential into a PNG image and reads it back.</summary>
public static class PngBaker
{
    private const string OpenBadge3Keyword = "openbadgecredential";
    private const string Clr2Keyword = "clrcredential";
    private const string OpenBadge2Keyword = "openbadges";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Returns a copy of <paramref name="png"/> with <paramref name="credential"/> baked in an
    /// uncompressed iTXt chunk before IEND, replacing any credential baked earlier.
    /// </summary>
    /// <param name="png">The image; must be a well-formed PNG (signature, lengths and CRCs are checked).</param>
    /// <param name="credential">The JSON credential or the compact JWS, stored byte for byte.</param>
    /// <param name="format"><see cref="BakedCredentialFormat.OpenBadge3"/> or <see cref="BakedCredentialFormat.Clr2"/>.</param>
    /// <param name="limits">Size limits; <see cref="BakingLimits.Default"/> when null.</param>
    public static BakeResult Bake(ReadOnlySpan<byte> png, string credential, BakedCredentialFormat format = BakedCredentialFormat.OpenBadge3, BakingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        limits ??= BakingLimits.Default;
        if (format == BakedCredentialFormat.OpenBadge2)
        {
            return BakeResult.Fail("Open Badges 2.0 baking is read-only here: bake as Open Badges 3.0 or CLR 2.0.");
        }

        if (png.Length > limits.MaxImageBytes)
        {
            return BakeResult.Fail($"The image is {png.Length} bytes, more than the limit of {limits.MaxImageBytes}.");
        }

        var text = Encoding.UTF8.GetBytes(credential);
        if (text.Length > limits.MaxPayloadBytes)
        {
            return BakeResult.Fail($"The credential is {text.Length} bytes, more than the limit of {limits.MaxPayloadBytes}.");
        }

        if (BakedPayload.Classify(credential, allowUrl: false, out var payloadError) is null)
        {
            return BakeResult.Fail(payloadError!);
        }

        var error = PngChunkReader.TryRead(png, out var chunks);
        if (error is not null)
        {
            return BakeResult.Fail(error);
        }

        var keyword = Encoding.ASCII.GetBytes(format == BakedCredentialFormat.Clr2 ? Clr2Keyword : OpenBadge3Keyword);
        // iTXt data: keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text.
        var data = new byte[keyword.Length + 5 + text.Length];
        keyword.CopyTo(data, 0);
        text.CopyTo(data, keyword.Length + 5);

        using var output = new MemoryStream(png.Length + data.Length + 12);
        output.Write(PngChunkReader.Signature);
        foreach (var chunk in chunks)
        {
            if (IsBakedChunk(png, chunk))
            {
                continue;
            }

            if (chunk.Type == "IEND")
            {
                WriteChunk(output, "iTXt"u8, data);
            }

            output.Write(png[chunk.Start..chunk.End]);
        }

        return BakeResult.Ok(output.ToArray());
    }

    /// <summary>Reads the first baked credential from a PNG.</summary>
    /// <param name="png">The image bytes.</param>
    /// <param name="limits">Size limits; <see cref="BakingLimits.Default"/> when null.</param>
    /// <returns>Found (with the text and its kind), not baked, or malformed with the reason. Never throws for bad input.</returns>
    public static UnbakeResult Unbake(ReadOnlySpan<byte> png, BakingLimits? limits = null)
    {
        limits ??= BakingLimits.Default;
        if (png.Length > limits.MaxImageBytes)
        {
            return UnbakeResult.Malformed($"The image is {png.Length} bytes, more than the limit of {limits.MaxImageBytes}.");
        }

        var error = PngChunkReader.TryRead(png, out var chunks);
        if (error is not null)
        {
            return UnbakeResult.Malformed(error);
        }

        foreach (var chunk in chunks)
        {
            if (chunk.Type is not ("iTXt" or "tEXt"))
            {
                continue;
            }

            var data = png.Slice(chunk.DataStart, chunk.DataLength);
            var format = KeywordFormat(data);
            if (format is null || (chunk.Type == "tEXt" && format != BakedCredentialFormat.OpenBadge2))
            {
                continue;
            }

            var textError = chunk.Type == "iTXt"
                ? ReadInternationalText(data, limits, out var text)
                : ReadLatin1Text(data, limits, out text);
            if (textError is not null)
            {
                return UnbakeResult.Malformed(textError);
            }

            var kind = BakedPayload.Classify(text!, allowUrl: format == BakedCredentialFormat.OpenBadge2, out var reason);
            return kind is null
                ? UnbakeResult.Malformed(reason!)
                : new UnbakeResult { Status = UnbakeStatus.Found, Format = format, PayloadKind = kind, Payload = text };
        }

        return UnbakeResult.NotBaked;
    }

    private static bool IsBakedChunk(ReadOnlySpan<byte> png, PngChunk chunk) =>
        chunk.Type is "iTXt" or "tEXt" or "zTXt" && KeywordFormat(png.Slice(chunk.DataStart, chunk.DataLength)) is not null;

    private static BakedCredentialFormat? KeywordFormat(ReadOnlySpan<byte> data)
    {
        var end = data.IndexOf((byte)0);
        if (end <= 0)
        {
            return null;
        }

        var keyword = data[..end];
        return keyword.SequenceEqual("openbadgecredential"u8) ? BakedCredentialFormat.OpenBadge3
            : keyword.SequenceEqual("clrcredential"u8) ? BakedCredentialFormat.Clr2
            : keyword.SequenceEqual("openbadges"u8) ? BakedCredentialFormat.OpenBadge2
            : null;
    }

    // PNG §11.3.3.5 iTXt: keyword NUL, compression flag, compression method, language tag NUL,
    // translated keyword NUL, text (UTF-8, zlib-compressed when the flag is 1).
    private static string? ReadInternationalText(ReadOnlySpan<byte> data, BakingLimits limits, out string? text)
    {
        text = null;
        var rest = data[(data.IndexOf((byte)0) + 1)..];
        if (rest.Length < 2)
        {
            return "Malformed iTXt chunk: the compression flag and method are missing.";
        }

        var compressed = rest[0];
        var method = rest[1];
        rest = rest[2..];
        var languageEnd = rest.IndexOf((byte)0);
        if (languageEnd < 0)
        {
            return "Malformed iTXt chunk: the language tag is not terminated.";
        }

        rest = rest[(languageEnd + 1)..];
        var translatedEnd = rest.IndexOf((byte)0);
        if (translatedEnd < 0)
        {
            return "Malformed iTXt chunk: the translated keyword is not terminated.";
        }

        rest = rest[(translatedEnd + 1)..];
        byte[] bytes;
        if (compressed == 0)
        {
            bytes = rest.ToArray();
        }
        else if (compressed == 1 && method == 0)
        {
            var inflateError = Inflate(rest, limits.MaxPayloadBytes, out bytes);
            if (inflateError is not null)
            {
                return inflateError;
            }
        }
        else
        {
            return $"Malformed iTXt chunk: compression flag {compressed} with method {method} is not defined by PNG.";
        }

        if (bytes.Length > limits.MaxPayloadBytes)
        {
            return $"The baked text is {bytes.Length} bytes, more than the limit of {limits.MaxPayloadBytes}.";
        }

        try
        {
            text = StrictUtf8.GetString(bytes);
            return null;
        }
        catch (DecoderFallbackException)
        {
            return "Malformed iTXt chunk: the text is not valid UTF-8.";
        }
    }

    // PNG §11.3.3.2 tEXt: keyword NUL, Latin-1 text.
    private static string? ReadLatin1Text(ReadOnlySpan<byte> data, BakingLimits limits, out string? text)
    {
        var bytes = data[(data.IndexOf((byte)0) + 1)..];
        text = null;
        if (bytes.Length > limits.MaxPayloadBytes)
        {
            return $"The baked text is {bytes.Length} bytes, more than the limit of {limits.MaxPayloadBytes}.";
        }

        text = Encoding.Latin1.GetString(bytes);
        return null;
    }

    private static string? Inflate(ReadOnlySpan<byte> compressed, int limit, out byte[] bytes)
    {
        bytes = [];
        using var output = new MemoryStream();
        try
        {
            using var input = new MemoryStream(compressed.ToArray(), writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                if (output.Length + read > limit)
                {
                    return $"The compressed iTXt text inflates past the limit of {limit} bytes; reading stopped.";
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            return "Malformed iTXt chunk: the compressed text is corrupt: " + ex.Message;
        }

        bytes = output.ToArray();
        return null;
    }

    private static void WriteChunk(MemoryStream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        type.CopyTo(header[4..]);
        output.Write(header);
        output.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, PngCrc32.Append(PngCrc32.Append(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu);
        output.Write(crc);
    }
}
