using System.Text;
using System.Text.Unicode;

namespace Credstack.Server.Backpack;

/// <summary>
/// Recognises what a person gave the import page by its content, never by its file name or declared type: a JSON
/// credential, a compact JWT (text), a PNG or an SVG image (which may have a credential baked in). Anything else is
/// refused before the verifier sees it. The stored media type is the one recognised here.
/// </summary>
internal static class CredentialInput
{
    public const string Json = "application/json";
    public const string Jwt = "application/jwt";
    public const string Png = "image/png";
    public const string Svg = "image/svg+xml";

    public static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The media type of <paramref name="content"/>, or null when it is none of the forms a credential comes in.</summary>
    public static string? Recognise(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PngSignature))
        {
            return Png;
        }

        if (!Utf8.IsValid(content))
        {
            return null;
        }

        var text = content.StartsWith("\uFEFF"u8) ? content[3..] : content;
        text = text.Trim(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            return null;
        }

        if (text[0] == (byte)'{')
        {
            return Json;
        }

        if (text[0] == (byte)'<')
        {
            return text.IndexOf("<svg"u8) >= 0 ? Svg : null;
        }

        return IsCompactJws(text) ? Jwt : null;
    }

    /// <summary>True for <paramref name="text"/> starting with http:// or https:// (a link to paste, not a credential).</summary>
    public static bool IsLink(string text) =>
        text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    // Three base64url segments separated by dots; the verifier checks the rest.
    private static bool IsCompactJws(ReadOnlySpan<byte> text)
    {
        var dots = 0;
        foreach (var b in text)
        {
            if (b == (byte)'.')
            {
                dots++;
            }
            else if (!(b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_'))
            {
                return false;
            }
        }

        return dots == 2 && Encoding.ASCII.GetString(text).Split('.')[0].Length > 0;
    }
}
