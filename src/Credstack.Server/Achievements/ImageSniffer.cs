using System.Text;

namespace Credstack.Server.Achievements;

/// <summary>
/// Decides what an uploaded image is from its bytes (the declared content type is only checked
/// against them): PNG by its 8-byte signature (PNG §5.2), JPEG by its SOI marker and a following
/// marker (FF D8 FF), SVG by an <c>&lt;svg</c> root in UTF-8 text. SVG that carries scripts,
/// event handlers, foreign objects or DTD entities is refused: badge images are displayed by
/// wallets and verifiers that may not sandbox them.
/// </summary>
internal static class ImageSniffer
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Svg = "image/svg+xml";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] SvgForbidden = ["<script", "<!entity", "<!doctype", "<foreignobject", "javascript:", " on", "\ton", "\non", "<iframe", "<embed", "<object"];

    /// <summary>The media type of <paramref name="content"/>, or null with the reason it is not an accepted image.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content, out string? problem)
    {
        problem = null;
        if (content.StartsWith(PngSignature))
        {
            return Png;
        }

        if (content.Length > 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return Jpeg;
        }

        if (LooksLikeSvg(content, out var text))
        {
            var lower = text.ToLowerInvariant();
            foreach (var token in SvgForbidden)
            {
                var at = lower.IndexOf(token, StringComparison.Ordinal);
                // " on" only counts as an event handler attribute: on + letters + '='.
                if (at >= 0 && (token[^1] != 'n' || IsHandler(lower, at + token.Length)))
                {
                    problem = $"The SVG contains '{token.Trim()}'; scripts, event handlers, DTDs and embedded content are not allowed in badge images.";
                    return null;
                }
            }

            return Svg;
        }

        problem = "The file is not a PNG, JPEG or SVG image (checked from its bytes, not its name or declared type).";
        return null;
    }

    private static bool IsHandler(string text, int from)
    {
        var i = from;
        while (i < text.Length && char.IsAsciiLetterLower(text[i]))
        {
            i++;
        }

        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i > from && i < text.Length && text[i] == '=';
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> content, out string text)
    {
        text = "";
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var start = text.AsSpan().TrimStart();
        if (!start.StartsWith("<?xml", StringComparison.Ordinal) && !start.StartsWith("<svg", StringComparison.Ordinal) && !start.StartsWith("<!--", StringComparison.Ordinal))
        {
            return false;
        }

        return text.Contains("<svg", StringComparison.Ordinal);
    }
}
