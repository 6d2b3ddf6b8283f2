using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace Credstack.Server.Sharing;

/// <summary>
/// The badge image of an achievement that has none of its own: a medallion in one of a few colours (chosen from the
/// achievement's name, so one achievement always looks the same) with its initials (SVG), or the medallion alone (PNG:
/// drawing text into pixels would need a font rasteriser, and the PNG's job is to carry the baked credential).
/// </summary>
internal static class BadgeArtwork
{
    public const int PngSize = 256;

    // Dark enough for white text at WCAG AA (4.5:1 or more).
    private static readonly (byte R, byte G, byte B)[] Palette =
    [
        (0x1D, 0x4E, 0xD8), (0x04, 0x78, 0x57), (0x7C, 0x3A, 0xED), (0xB4, 0x53, 0x09), (0xBE, 0x18, 0x5D), (0x0E, 0x74, 0x90),
    ];

    /// <summary>Up to three initials of the name's capitalised words ("Data Analysis with Python": "DAP").</summary>
    public static string Initials(string name)
    {
        var words = name.Split([' ', '-', '_', '/', '&', ':'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetterOrDigit(w[0])).ToArray();
        var capitalised = words.Where(w => char.IsUpper(w[0]) || char.IsDigit(w[0])).ToArray();
        var chosen = capitalised.Length > 0 ? capitalised : words;
        return chosen.Length == 0 ? "★" : string.Concat(chosen.Take(3).Select(w => char.ToUpperInvariant(w[0])));
    }

    /// <summary>A 400×400 SVG medallion with the initials and the name; <paramref name="raster"/> (a PNG or JPEG) is shown inside instead of the initials.</summary>
    public static byte[] Svg(string name, (byte[] Content, string MediaType)? raster = null)
    {
        var (r, g, b) = Colour(name);
        var fill = $"#{r:x2}{g:x2}{b:x2}";
        var e = HtmlEncoder.Default;
        var label = name.Length > 34 ? name[..33] + "…" : name;
        var inner = raster is { } image
            ? $"""<clipPath id="c"><circle cx="200" cy="190" r="132"/></clipPath><image href="data:{image.MediaType};base64,{Convert.ToBase64String(image.Content)}" x="58" y="48" width="284" height="284" clip-path="url(#c)" preserveAspectRatio="xMidYMid slice"/>"""
            : $"""<text x="200" y="222" text-anchor="middle" font-family="DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif" font-size="96" font-weight="700" fill="#ffffff">{e.Encode(Initials(name))}</text>""";
        var svg = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="{e.Encode(name)}">
            <title>{e.Encode(name)}</title>
            <circle cx="200" cy="190" r="168" fill="{fill}"/>
            <circle cx="200" cy="190" r="150" fill="none" stroke="#ffffff" stroke-opacity="0.55" stroke-width="6"/>
            {inner}
            <rect x="40" y="320" width="320" height="56" rx="14" fill="#ffffff" stroke="{fill}" stroke-width="4"/>
            <text x="200" y="356" text-anchor="middle" font-family="DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif" font-size="{(label.Length > 22 ? 15 : 20)}" font-weight="700" fill="#111827">{e.Encode(label)}</text>
            </svg>
            """;
        return Encoding.UTF8.GetBytes(svg);
    }

    /// <summary>A <see cref="PngSize"/>² RGBA PNG medallion in the achievement's colour.</summary>
    public static byte[] Png(string name)
    {
        var (r, g, b) = Colour(name);
        const int size = PngSize;
        var raw = new byte[size * (1 + (size * 4))];
        var centre = (size - 1) / 2.0;
        for (var y = 0; y < size; y++)
        {
            var row = y * (1 + (size * 4));
            raw[row] = 0; // filter: none
            for (var x = 0; x < size; x++)
            {
                var d = Math.Sqrt(((x - centre) * (x - centre)) + ((y - centre) * (y - centre)));
                var p = row + 1 + (x * 4);
                var ring = d is > 104 and < 112;
                var inside = d <= 124;
                raw[p] = ring ? (byte)0xFF : r;
                raw[p + 1] = ring ? (byte)0xFF : g;
                raw[p + 2] = ring ? (byte)0xFF : b;
                // A one-pixel soft edge keeps the circle from looking jagged.
                raw[p + 3] = inside ? (byte)0xFF : d < 125 ? (byte)(255 * (125 - d)) : (byte)0;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], size);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type: RGBA
        WriteChunk(png, "IHDR"u8, header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            WriteChunk(png, "IDAT"u8, compressed.ToArray());
        }

        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    /// <summary>The medallion colour of <paramref name="name"/>.</summary>
    public static (byte R, byte G, byte B) Colour(string name) =>
        Palette[SHA256.HashData(Encoding.UTF8.GetBytes(name))[0] % Palette.Length];

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        png.Write(type);
        png.Write(data);
        var crc = new byte[type.Length + data.Length];
        type.CopyTo(crc);
        data.CopyTo(crc.AsSpan(type.Length));
        Span<byte> sum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(sum, Crc32(crc));
        png.Write(sum);
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, as in PNG §5.3).</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
