// RFC 3986 §5.2 "Relative Resolution" (basic algorithm only, as JSON-LD 1.1 API §4.5 requires: no
// syntax- or scheme-based normalization) and §3.1 scheme syntax for "is this an absolute IRI".
// System.Uri is not used because it normalises (percent-encoding, default ports, IDN, dot segments in
// odd places) and would change the IRIs that end up in signed canonical forms.
using System.Buffers;
using System.Text;

namespace Credstack.JsonLd.Processing;

/// <summary>Absolute-IRI tests and relative reference resolution.</summary>
internal static class IriResolver
{
    // Characters RDF forbids in an IRI: controls, space, and <>"{}|\^`.
    private static readonly SearchValues<char> ForbiddenInIri = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + " <>\"{}|\\^`");

    /// <summary>True when the value starts with a scheme (RFC 3986 §3.1) followed by ':'.</summary>
    public static bool IsAbsolute(string value) => SchemeLength(value) > 0;

    /// <summary>True for a blank node identifier (<c>_:</c> prefix).</summary>
    public static bool IsBlankNode(string value) => value.Length >= 2 && value[0] == '_' && value[1] == ':';

    /// <summary>True for an absolute IRI without characters that RDF forbids in an IRI (space, &lt;, &gt;, ", {, }, |, \, ^, `).</summary>
    public static bool IsWellFormedIri(string value)
    {
        if (!IsAbsolute(value))
        {
            return false;
        }

        // Vectorised scans: this runs for every subject, predicate and object of toRdf.
        var span = value.AsSpan();
        return !span.ContainsAny(ForbiddenInIri) && span.Count('#') <= 1;
    }

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseIri"/> (RFC 3986 §5.2.2).</summary>
    public static string Resolve(string? baseIri, string reference)
    {
        // An absolute reference is returned as written: JSON-LD does not normalise IRIs it did not resolve.
        if (baseIri is null || IsAbsolute(reference) || !IsAbsolute(baseIri))
        {
            return reference;
        }

        Split(baseIri, out var bScheme, out var bAuthority, out var bPath, out var bQuery, out _);
        Split(reference, out _, out var rAuthority, out var rPath, out var rQuery, out var rFragment);

        string? authority;
        string path;
        string? query;
        if (rAuthority is not null)
        {
            authority = rAuthority;
            path = RemoveDotSegments(rPath);
            query = rQuery;
        }
        else
        {
            authority = bAuthority;
            if (rPath.Length == 0)
            {
                path = bPath;
                query = rQuery ?? bQuery;
            }
            else
            {
                path = rPath[0] == '/' ? RemoveDotSegments(rPath) : RemoveDotSegments(Merge(bAuthority, bPath, rPath));
                query = rQuery;
            }
        }

        var builder = new StringBuilder(baseIri.Length + reference.Length);
        builder.Append(bScheme).Append(':');
        if (authority is not null)
        {
            builder.Append("//").Append(authority);
        }

        builder.Append(path);
        if (query is not null)
        {
            builder.Append('?').Append(query);
        }

        if (rFragment is not null)
        {
            builder.Append('#').Append(rFragment);
        }

        return builder.ToString();
    }

    private static int SchemeLength(string value)
    {
        if (value.Length == 0 || !char.IsAsciiLetter(value[0]))
        {
            return 0;
        }

        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ':')
            {
                return i;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.')
            {
                return 0;
            }
        }

        return 0;
    }

    // RFC 3986 Appendix B: scheme, authority, path, query, fragment.
    private static void Split(string value, out string? scheme, out string? authority, out string path, out string? query, out string? fragment)
    {
        var rest = value;
        fragment = null;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        query = null;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        scheme = null;
        var schemeLength = SchemeLength(rest);
        if (schemeLength > 0)
        {
            scheme = rest[..schemeLength];
            rest = rest[(schemeLength + 1)..];
        }

        authority = null;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOf('/', 2);
            if (end < 0)
            {
                end = rest.Length;
            }

            authority = rest[2..end];
            rest = rest[end..];
        }

        path = rest;
    }

    // RFC 3986 §5.2.3 "Merge Paths".
    private static string Merge(string? baseAuthority, string basePath, string referencePath)
    {
        if (baseAuthority is not null && basePath.Length == 0)
        {
            return "/" + referencePath;
        }

        var slash = basePath.LastIndexOf('/');
        return slash < 0 ? referencePath : string.Concat(basePath.AsSpan(0, slash + 1), referencePath);
    }

    // RFC 3986 §5.2.4 "Remove Dot Segments".
    private static string RemoveDotSegments(string path)
    {
        if (path.IndexOf('.', StringComparison.Ordinal) < 0)
        {
            return path;
        }

        var input = path;
        var output = new StringBuilder(path.Length);
        while (input.Length > 0)
        {
            if (input.StartsWith("../", StringComparison.Ordinal))
            {
                input = input[3..];
            }
            else if (input.StartsWith("./", StringComparison.Ordinal))
            {
                input = input[2..];
            }
            else if (input.StartsWith("/./", StringComparison.Ordinal))
            {
                input = input[2..];
            }
            else if (input == "/.")
            {
                input = "/";
            }
            else if (input.StartsWith("/../", StringComparison.Ordinal))
            {
                input = input[3..];
                RemoveLastSegment(output);
            }
            else if (input == "/..")
            {
                input = "/";
                RemoveLastSegment(output);
            }
            else if (input is "." or "..")
            {
                input = string.Empty;
            }
            else
            {
                var start = input[0] == '/' ? 1 : 0;
                var next = input.IndexOf('/', start);
                if (next < 0)
                {
                    next = input.Length;
                }

                output.Append(input, 0, next);
                input = input[next..];
            }
        }

        return output.ToString();
    }

    private static void RemoveLastSegment(StringBuilder output)
    {
        var i = output.Length - 1;
        while (i >= 0 && output[i] != '/')
        {
            i--;
        }

        output.Length = Math.Max(i, 0);
    }
}
