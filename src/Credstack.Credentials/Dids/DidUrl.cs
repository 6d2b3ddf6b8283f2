// DID Core 1.0 §3.1 (DID syntax) and §3.2 (DID URL syntax), ABNF:
//   did                = "did:" method-name ":" method-specific-id
//   method-name        = 1*method-char ; method-char = %x61-7A / DIGIT
//   method-specific-id = *( *idchar ":" ) 1*idchar
//   idchar             = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded
//   did-url            = did path-abempty [ "?" query ] [ "#" fragment ]
using System.Diagnostics.CodeAnalysis;

namespace Credstack.Credentials.Dids;

/// <summary>A parsed DID or DID URL.</summary>
public sealed record DidUrl
{
    /// <summary>Longer inputs are refused before parsing; no real DID comes near it.</summary>
    public const int MaxLength = 4096;

    private DidUrl(string did, string method, string methodSpecificId, string path, string? query, string? fragment)
    {
        Did = did;
        Method = method;
        MethodSpecificId = methodSpecificId;
        Path = path;
        Query = query;
        Fragment = fragment;
    }

    /// <summary>The DID alone (<c>did:method:id</c>).</summary>
    public string Did { get; }

    /// <summary>The method name (<c>key</c>, <c>web</c>).</summary>
    public string Method { get; }

    /// <summary>The method-specific identifier, still percent-encoded.</summary>
    public string MethodSpecificId { get; }

    /// <summary>The path (empty or starting with '/').</summary>
    public string Path { get; }

    /// <summary>The query without '?', if any.</summary>
    public string? Query { get; }

    /// <summary>The fragment without '#', if any.</summary>
    public string? Fragment { get; }

    /// <summary>True when the input was a plain DID: no path, query or fragment.</summary>
    public bool IsDid => Path.Length == 0 && Query is null && Fragment is null;

    /// <summary>Parses a DID or DID URL; false (never an exception) for anything that breaks the DID Core syntax.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DidUrl? didUrl)
    {
        didUrl = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || !text.StartsWith("did:", StringComparison.Ordinal))
        {
            return false;
        }

        var end = text.IndexOfAny(['/', '?', '#'], 4);
        var did = end < 0 ? text : text[..end];
        var colon = did.IndexOf(':', 4);
        if (colon < 0)
        {
            return false;
        }

        var method = did[4..colon];
        var id = did[(colon + 1)..];
        if (method.Length == 0 || !method.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) || !IsMethodSpecificId(id))
        {
            return false;
        }

        var rest = end < 0 ? string.Empty : text[end..];
        string? fragment = null;
        string? query = null;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        if (!IsUriTail(rest) || (query is not null && !IsUriTail(query)) || (fragment is not null && !IsUriTail(fragment)))
        {
            return false;
        }

        didUrl = new DidUrl(did, method, id, rest, query, fragment);
        return true;
    }

    /// <summary>The DID URL as text.</summary>
    public override string ToString() =>
        Did + Path + (Query is null ? string.Empty : "?" + Query) + (Fragment is null ? string.Empty : "#" + Fragment);

    private static bool IsMethodSpecificId(string id)
    {
        // The last segment must be non-empty: "*( *idchar ":" ) 1*idchar".
        if (id.Length == 0 || id[^1] == ':')
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (c == '%')
            {
                if (i + 2 >= id.Length || !char.IsAsciiHexDigit(id[i + 1]) || !char.IsAsciiHexDigit(id[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    // RFC 3986 pchar / "/" / "?" plus pct-encoded; no spaces, controls or non-ASCII.
    private static bool IsUriTail(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?%".Contains(c, StringComparison.Ordinal));
}
