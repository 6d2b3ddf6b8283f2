// PNG §5.3 "Chunk layout": length (4 bytes, big-endian, at most 2^31-1), type (4 ASCII letters),
// data, CRC (4 bytes) over type and data.
namespace Credstack.Credentials.Baking;

/// <summary>Where one chunk sits in a PNG file.</summary>
/// <param name="Type">The four-letter chunk type.</param>
/// <param name="Start">Offset of the chunk's length field.</param>
/// <param name="DataLength">Length of the chunk data.</param>
internal readonly record struct PngChunk(string Type, int Start, int DataLength)
{
    public int DataStart => Start + 8;

    public int End => Start + 12 + DataLength;
}
