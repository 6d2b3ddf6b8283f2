// N-Quads serialization in the canonical form of RDF 1.2 N-Quads §4 ("Canonical N-Quads"),
// which RDFC-1.0 §4 uses for hashing and output: one space between terms, " .\n" at the end,
// and in literals only the escapes \" \\ \n \r \t \b \f plus \uXXXX for the remaining C0 controls and DEL.
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
}
