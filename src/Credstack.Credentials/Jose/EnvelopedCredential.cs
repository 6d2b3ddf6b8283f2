// VC Data Model 2.0 §4.13.1 (EnvelopedVerifiableCredential) and VC-JOSE-COSE §3.1.2: credentials inside a
// presentation are secured and carried as data: URLs (RFC 2397) such as "data:application/vc+jwt,<compact JWS>".
using System.Text.Json;

namespace Credstack.Credentials.Jose;

/// <summary>A secured credential carried in a presentation's <c>verifiableCredential</c> as an <c>EnvelopedVerifiableCredential</c>.</summary>
/// <param name="MediaType">The media type of the data URL (<c>application/vc+jwt</c>, <c>application/vc+sd-jwt</c>, <c>application/vc+cose</c>).</param>
/// <param name="Data">The text after the comma: a compact JWS, an SD-JWT, or base64 COSE.</param>
public sealed record EnvelopedCredential(string MediaType, string Data)
{
    /// <summary>The media types of secured credentials VC-JOSE-COSE defines.</summary>
    public static readonly IReadOnlySet<string> SecuredMediaTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "application/vc+jwt", "application/vc+sd-jwt", "application/vc+cose", "application/vc",
    };

    /// <summary>Reads one <c>verifiableCredential</c> entry; returns null and a reason when it is not a well-formed enveloped credential.</summary>
    public static EnvelopedCredential? TryRead(JsonElement entry, out string? problem)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            problem = "A credential in a presentation must be an object (an EnvelopedVerifiableCredential).";
            return null;
        }

        if (!HasType(entry, "EnvelopedVerifiableCredential"))
        {
            problem = "Credentials in a JOSE-secured presentation must be EnvelopedVerifiableCredential objects (VC-JOSE-COSE §3.1.2).";
            return null;
        }

        if (!entry.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { } url
            || !url.StartsWith("data:", StringComparison.Ordinal))
        {
            problem = "An EnvelopedVerifiableCredential's id must be a data: URL.";
            return null;
        }

        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || comma == url.Length - 1)
        {
            problem = "The data: URL has no content.";
            return null;
        }

        // data:[<mediatype>][;base64],<data>: the media type ends at the first ';' (parameters and ";base64" follow).
        var header = url[5..comma];
        var semicolon = header.IndexOf(';', StringComparison.Ordinal);
        var mediaType = semicolon < 0 ? header : header[..semicolon];
        if (!SecuredMediaTypes.Contains(mediaType))
        {
            problem = $"'{StaticJwtKeyResolver.Shorten(mediaType)}' is not a media type of a secured credential.";
            return null;
        }

        problem = null;
        return new EnvelopedCredential(mediaType, url[(comma + 1)..]);
    }

    internal static bool HasType(JsonElement node, string type)
    {
        if (!node.TryGetProperty("type", out var value))
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.ValueEquals(type);
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.ValueEquals(type))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
