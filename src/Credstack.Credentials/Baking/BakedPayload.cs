// Open Badges 3.0 §5.3: the text in an image is a JSON credential or a compact JWS (RFC 7515
// §7.1: three base64url segments separated by dots); OB 2.0 also allowed a hosted URL.
using System.Text.Json;

namespace Credstack.Credentials.Baking;

/// <summary>Recognises what kind of text was baked, and refuses text that is neither.</summary>
internal static class BakedPayload
{
    public static BakedPayloadKind? Classify(string text, bool allowUrl, out string? reason)
    {
        reason = null;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length == 0)
        {
            reason = "The baked text is empty.";
            return null;
        }

        if (trimmed[0] == '{')
        {
            try
            {
                using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 128 });
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return BakedPayloadKind.Json;
                }
            }
            catch (JsonException ex)
            {
                reason = "The baked text starts like JSON but is not valid JSON: " + ex.Message;
                return null;
            }
        }

        if (IsCompactJws(trimmed))
        {
            return BakedPayloadKind.CompactJws;
        }

        if (allowUrl && Uri.TryCreate(trimmed.ToString(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return BakedPayloadKind.Url;
        }

        reason = allowUrl
            ? "The baked text is neither a JSON object, a compact JWS nor an http(s) URL."
            : "The baked text is neither a JSON object nor a compact JWS.";
        return null;
    }

    public static bool IsCompactJws(ReadOnlySpan<char> text)
    {
        var dots = 0;
        var segmentLength = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                // Header and payload segments must be non-empty; the signature may be empty only for "none", which is refused anyway.
                if (segmentLength == 0)
                {
                    return false;
                }

                dots++;
                segmentLength = 0;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_')
            {
                segmentLength++;
            }
            else
            {
                return false;
            }
        }

        return dots == 2 && segmentLength > 0;
    }
}
