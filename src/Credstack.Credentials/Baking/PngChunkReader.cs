// PNG (W3C PNG 3rd edition) §5.2 signature, §5.3 chunk layout, §5.6 chunk ordering (IHDR
// first, IEND last). Strict: every length is bounded by the bytes left, every CRC is checked,
// nothing may follow IEND.
using System.Buffers.Binary;

namespace Credstack.Credentials.Baking;

internal static class PngChunkReader
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Lists the chunks, or returns a sentence saying why the file is not a well-formed PNG.</summary>
    public static string? TryRead(ReadOnlySpan<byte> png, out List<PngChunk> chunks)
    {
        chunks = [];
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
        {
            return "Not a PNG: the 8-byte PNG signature is missing.";
        }

        var position = Signature.Length;
        while (position < png.Length)
        {
            if (png.Length - position < 12)
            {
                return $"Truncated PNG: {png.Length - position} bytes at offset {position} are too few for a chunk header and CRC.";
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(png[position..]);
            var typeBytes = png.Slice(position + 4, 4);
            foreach (var b in typeBytes)
            {
                if (!char.IsAsciiLetter((char)b))
                {
                    return $"Malformed PNG: the chunk type at offset {position + 4} is not four ASCII letters.";
                }
            }

            var type = System.Text.Encoding.ASCII.GetString(typeBytes);
            if (length > int.MaxValue || length > (uint)(png.Length - position - 12))
            {
                return $"Malformed PNG: chunk {type} at offset {position} declares {length} bytes of data but only {png.Length - position - 12} remain.";
            }

            var chunk = new PngChunk(type, position, (int)length);
            var expected = BinaryPrimitives.ReadUInt32BigEndian(png[(chunk.DataStart + chunk.DataLength)..]);
            var actual = PngCrc32.Compute(png.Slice(position + 4, 4 + chunk.DataLength));
            if (expected != actual)
            {
                return $"Malformed PNG: chunk {type} at offset {position} has CRC 0x{expected:X8}, but its content gives 0x{actual:X8}.";
            }

            if (chunks.Count == 0 && type != "IHDR")
            {
                return $"Malformed PNG: the first chunk is {type}, not IHDR.";
            }

            chunks.Add(chunk);
            position = chunk.End;
            if (type == "IEND")
            {
                return position == png.Length ? null : $"Malformed PNG: {png.Length - position} bytes follow the IEND chunk.";
            }
        }

        return chunks.Count == 0 ? "Truncated PNG: no chunks after the signature." : "Truncated PNG: the IEND chunk is missing.";
    }
}
