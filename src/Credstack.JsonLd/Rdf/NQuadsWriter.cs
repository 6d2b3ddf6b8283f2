// N-Quads serialization in the canonical form of RDF 1.2 N-Quads §4 ("Canonical N-Quads"),
// which RDFC-1.0 §4 uses for hashing and output: one space between terms, " .\n" at the end,
// and in literals only the escapes \" \\ \n \r \t \b \f plus \uXXXX for the remaining C0 controls and DEL.
using System.Buffers;
using System.Text;

namespace Credstack.JsonLd.Rdf;

/// <summary>Writes quads as canonical N-Quads.</summary>
public static class NQuadsWriter
{
    /// <summary>Serializes the quads in the given order, one line each.</summary>
    public static string Write(IEnumerable<Quad> quads)
    {
        ArgumentNullException.ThrowIfNull(quads);
        var builder = new StringBuilder();
        foreach (var quad in quads)
        {
            AppendQuad(builder, quad);
        }

        return builder.ToString();
    }

    /// <summary>Serializes one quad as a line ending in a newline.</summary>
    public static string WriteQuad(Quad quad)
    {
        var builder = new StringBuilder(128);
        AppendQuad(builder, quad);
        return builder.ToString();
    }

    /// <summary>Appends one quad as a line ending in a newline.</summary>
    public static void AppendQuad(StringBuilder builder, Quad quad)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(quad);
        AppendTerm(builder, quad.Subject);
        builder.Append(' ');
        AppendTerm(builder, quad.Predicate);
        builder.Append(' ');
        AppendTerm(builder, quad.Object);
        if (quad.Graph.Kind != RdfTermKind.DefaultGraph)
        {
            builder.Append(' ');
            AppendTerm(builder, quad.Graph);
        }

        builder.Append(" .\n");
    }

    /// <summary>Appends one term in canonical N-Quads syntax.</summary>
    public static void AppendTerm(StringBuilder builder, RdfTerm term)
    {
        ArgumentNullException.ThrowIfNull(builder);
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                builder.Append('<').Append(term.Value).Append('>');
                break;
            case RdfTermKind.BlankNode:
                builder.Append("_:").Append(term.Value);
                break;
            case RdfTermKind.Literal:
                builder.Append('"');
                AppendEscaped(builder, term.Value);
                builder.Append('"');
                if (term.Language is not null)
                {
                    builder.Append('@').Append(term.Language);
                }
                else if (term.Datatype is not null && term.Datatype != RdfTerm.XsdString)
                {
                    builder.Append("^^<").Append(term.Datatype).Append('>');
                }

                break;
            case RdfTermKind.DefaultGraph:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(term), term.Kind, "Unknown RDF term kind.");
        }
    }

    private static void AppendEscaped(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }

    // Code units that a canonical literal writes escaped: '"', '\\', C0 controls and DEL.
    private static readonly SearchValues<char> LiteralEscapes = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Writes an IRI or literal in canonical N-Quads syntax as UTF-8, the form RDFC-1.0 hashes.
    /// Blank nodes and the default graph are written by the caller, which relabels them.
    /// </summary>
    internal static void WriteTermUtf8(IBufferWriter<byte> writer, RdfTerm term)
    {
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                WriteByte(writer, (byte)'<');
                WriteUtf8(writer, term.Value);
                WriteByte(writer, (byte)'>');
                break;
            case RdfTermKind.Literal:
                WriteByte(writer, (byte)'"');
                WriteEscapedUtf8(writer, term.Value);
                WriteByte(writer, (byte)'"');
                if (term.Language is not null)
                {
                    WriteByte(writer, (byte)'@');
                    WriteUtf8(writer, term.Language);
                }
                else if (term.Datatype is not null && term.Datatype != RdfTerm.XsdString)
                {
                    writer.Write("^^<"u8);
                    WriteUtf8(writer, term.Datatype);
                    WriteByte(writer, (byte)'>');
                }

                break;
            case RdfTermKind.BlankNode:
                writer.Write("_:"u8);
                WriteUtf8(writer, term.Value);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(term), term.Kind, "The default graph has no N-Quads term.");
        }
    }

    private static void WriteByte(IBufferWriter<byte> writer, byte value)
    {
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }

    private static void WriteUtf8(IBufferWriter<byte> writer, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var span = writer.GetSpan(StrictUtf8.GetMaxByteCount(text.Length));
        writer.Advance(StrictUtf8.GetBytes(text, span));
    }

    private static void WriteEscapedUtf8(IBufferWriter<byte> writer, ReadOnlySpan<char> text)
    {
        while (true)
        {
            var next = text.IndexOfAny(LiteralEscapes);
            if (next < 0)
            {
                WriteUtf8(writer, text);
                return;
            }

            WriteUtf8(writer, text[..next]);
            var c = text[next];
            switch (c)
            {
                case '"': writer.Write("\\\""u8); break;
                case '\\': writer.Write("\\\\"u8); break;
                case '\n': writer.Write("\\n"u8); break;
                case '\r': writer.Write("\\r"u8); break;
                case '\t': writer.Write("\\t"u8); break;
                case '\b': writer.Write("\\b"u8); break;
                case '\f': writer.Write("\\f"u8); break;
                default:
                    var span = writer.GetSpan(6);
                    "\\u00"u8.CopyTo(span);
                    span[4] = (byte)"0123456789ABCDEF"[c >> 4];
                    span[5] = (byte)"0123456789ABCDEF"[c & 0xF];
                    writer.Advance(6);
                    break;
            }

            text = text[(next + 1)..];
        }
    }
}
