using System.Buffers.Binary;
using System.IO.Compression;

namespace Credstack.Credentials.Tests.Baking;

/// <summary>Builds small PNG files chunk by chunk, with CRCs from an independent implementation.</summary>
internal static class TestPng
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A valid 1×1 grey PNG: IHDR, IDAT, IEND.</summary>
    public static byte[] OnePixel(params byte[][] extraChunksBeforeIend)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, 1);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), 1);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // greyscale

        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write([0, 0x80]); // filter byte 0, one grey pixel
        }

        var parts = new List<byte[]> { Signature, Chunk("IHDR", ihdr), Chunk("IDAT", idat.ToArray()) };
        parts.AddRange(extraChunksBeforeIend);
        parts.Add(Chunk("IEND", []));
        return parts.SelectMany(p => p).ToArray();
    }

    public static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>An iTXt chunk's data: keyword, flags, empty language and translated keyword, text.</summary>
    public static byte[] InternationalText(string keyword, byte[] text, bool compressed = false)
    {
        var head = System.Text.Encoding.ASCII.GetBytes(keyword).Concat(new byte[] { 0, (byte)(compressed ? 1 : 0), 0, 0, 0 });
        if (compressed)
        {
            using var output = new MemoryStream();
            using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(text);
            }

            text = output.ToArray();
        }

        return head.Concat(text).ToArray();
    }

    /// <summary>Chunk types in file order.</summary>
    public static List<string> ChunkTypes(byte[] png)
    {
        var types = new List<string>();
        for (var position = 8; position + 12 <= png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position));
            types.Add(System.Text.Encoding.ASCII.GetString(png, position + 4, 4));
            position += 12 + length;
        }

        return types;
    }

    // Bit-by-bit CRC-32 (no table), so the tests do not check the library against itself.
    private static uint Crc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
