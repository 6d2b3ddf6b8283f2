// RFC 8785 "JSON Canonicalization Scheme (JCS)", §3.2: whitespace removed (§3.2.1), literals and
// numbers serialized per ECMAScript (§3.2.2.1-§3.2.2.3), strings escaped minimally (§3.2.2.2),
// object members sorted by their names as arrays of UTF-16 code units (§3.2.3), output in UTF-8
// (§3.2.4). Input that I-JSON (RFC 7493) forbids is rejected: duplicate member names, lone
// surrogates, invalid UTF-8 and numbers outside the range of an IEEE-754 double.
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Credstack.JsonLd.Jcs;

/// <summary>
/// Produces the RFC 8785 canonical form of JSON, as UTF-8. Input that RFC 8785 cannot canonicalize
/// raises <see cref="JsonLdException"/> with <see cref="JsonLdErrorCode.InvalidJson"/>; the message
/// says what and where.
/// </summary>
public static class JsonCanonicalizer
{
    /// <summary>The deepest nesting of arrays and objects accepted.</summary>
    public const int MaxDepth = 256;

    [ThreadStatic]
    private static CanonicalJsonWriter? _cachedWriter;

    /// <summary>Canonicalizes a UTF-8 JSON text.</summary>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json)
    {
        var writer = Rent(null);
        try
        {
            writer.WriteDocument(utf8Json);
            return writer.ToArray();
        }
        finally
        {
            Return(writer);
        }
    }

    /// <summary>Canonicalizes a UTF-8 JSON text into <paramref name="output"/>.</summary>
    public static void Canonicalize(ReadOnlySpan<byte> utf8Json, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = Rent(output);
        try
        {
            writer.WriteDocument(utf8Json);
            writer.Flush();
        }
        finally
        {
            Return(writer);
        }
    }

    /// <summary>Canonicalizes a parsed JSON value.</summary>
    public static byte[] Canonicalize(JsonElement element)
    {
        var writer = Rent(null);
        try
        {
            writer.WriteElement(element, 0);
            return writer.ToArray();
        }
        finally
        {
            Return(writer);
        }
    }

    /// <summary>Canonicalizes a parsed JSON value into <paramref name="output"/>.</summary>
    public static void Canonicalize(JsonElement element, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = Rent(output);
        try
        {
            writer.WriteElement(element, 0);
            writer.Flush();
        }
        finally
        {
            Return(writer);
        }
    }

    /// <summary>Canonicalizes a UTF-8 JSON text and returns the result as a string.</summary>
    public static string CanonicalizeToString(ReadOnlySpan<byte> utf8Json)
    {
        var output = new ArrayBufferWriter<byte>(Math.Max(256, utf8Json.Length));
        Canonicalize(utf8Json, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Canonicalizes a parsed JSON value and returns the result as a string.</summary>
    public static string CanonicalizeToString(JsonElement element)
    {
        var output = new ArrayBufferWriter<byte>(1024);
        Canonicalize(element, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static CanonicalJsonWriter Rent(IBufferWriter<byte>? output)
    {
        var writer = _cachedWriter ?? new CanonicalJsonWriter();
        _cachedWriter = null;
        writer.Start(output);
        return writer;
    }

    private static void Return(CanonicalJsonWriter writer)
    {
        writer.Finish();
        if (!writer.IsOversized)
        {
            _cachedWriter = writer;
        }
    }
}
