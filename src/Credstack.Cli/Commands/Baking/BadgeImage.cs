// Open Badges 3.0 §5.3 "Baked Badges": credentials are baked into PNG (§5.3.1) or SVG (§5.3.2) images.
using Credstack.Credentials.Baking;

namespace Credstack.Cli.Commands.Baking;

/// <summary>Picks the baker for an image from its bytes: the PNG signature, otherwise SVG markup.</summary>
internal static class BadgeImage
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>"png", "svg", or null when the bytes are neither.</summary>
    public static string? KindOf(ReadOnlySpan<byte> image)
    {
        if (image.StartsWith(PngSignature))
        {
            return "png";
        }

        // SVG is XML: after an optional UTF-8 byte order mark and whitespace, the first character is '<'.
        var text = image.StartsWith("\uFEFF"u8) ? image[3..] : image;
        var start = text.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && text[start] == (byte)'<' ? "svg" : null;
    }

    public static BakeResult Bake(string kind, ReadOnlySpan<byte> image, string credential) => kind == "png"
        ? PngBaker.Bake(image, credential)
        : SvgBaker.Bake(image, credential);

    public static UnbakeResult Unbake(string kind, ReadOnlySpan<byte> image) => kind == "png"
        ? PngBaker.Unbake(image)
        : SvgBaker.Unbake(image);

    /// <summary>The image, or an error sentence when it is missing, too large or neither PNG nor SVG.</summary>
    public static (byte[]? Bytes, string? Kind, string? Error) Read(FileInfo file)
    {
        if (!file.Exists)
        {
            return (null, null, $"image not found: {file.FullName}");
        }

        if (file.Length > BakingLimits.Default.MaxImageBytes)
        {
            return (null, null, $"{file.FullName} is {file.Length:N0} bytes, over the limit of {BakingLimits.Default.MaxImageBytes:N0} bytes");
        }

        var bytes = File.ReadAllBytes(file.FullName);
        var kind = KindOf(bytes);
        return kind is null
            ? (null, null, $"{file.FullName} is neither a PNG nor an SVG image")
            : (bytes, kind, null);
    }
}
