// JSON-LD 1.1 API §8.6 "Object to RDF Conversion" step 9: the lexical form of an rdf:JSON literal is
// its JSON canonicalized with RFC 8785 (JCS): object members sorted by UTF-16 code units, no
// whitespace, ECMAScript number serialization, minimal string escaping.
// SEAM: this is a minimal internal JCS so toRdf does not depend on unfinished work; it is to be
// replaced by Credstack.JsonLd.Jcs.JsonCanonicalizer (the full RFC 8785 implementation) once that lands.
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Credstack.JsonLd.Processing;

/// <summary>Canonical JSON text of a JSON literal.</summary>
internal static class JsonLiteralCanonicalizer
{
    public static string Canonicalize(JsonElement value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<JsonProperty>();
                foreach (var property in value.EnumerateObject())
                {
                    members.Add(property);
                }

                members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
                builder.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    WriteString(builder, members[i].Name);
                    builder.Append(':');
                    Write(builder, members[i].Value);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    Write(builder, item);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(builder, value.GetString()!);
                break;
            case JsonValueKind.Number:
                builder.Append(EcmaScriptNumber(Expander.Number(value)));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>ECMAScript Number::toString (ECMA-262 §6.1.6.1.20), which RFC 8785 §3.2.2.3 requires.</summary>
    public static string EcmaScriptNumber(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidJsonLiteral, "A JSON literal cannot hold NaN or Infinity.");
        }

        // "R" gives the shortest round-trip digits; re-shape them into digits + exponent.
        var (digits, exponent) = Decompose(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
        var k = digits.Length;
        var n = exponent + 1;
        var builder = new StringBuilder();
        if (value < 0)
        {
            builder.Append('-');
        }

        if (k <= n && n <= 21)
        {
            builder.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            builder.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            builder.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            builder.Append(digits[0]);
            if (k > 1)
            {
                builder.Append('.').Append(digits, 1, k - 1);
            }

            builder.Append('e').Append(n - 1 >= 0 ? "+" : "-").Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    // Splits a round-trip string ("1.5E-07", "123.45", "1E+21") into significant digits and the decimal exponent of the first digit.
    private static (string Digits, int Exponent) Decompose(string shortest)
    {
        var mantissa = shortest;
        var exponent = 0;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exponent = int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var fraction = point < 0 ? string.Empty : mantissa[(point + 1)..];
        var all = integerPart + fraction;
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        var digits = all[leading..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        // Exponent of the first significant digit: position relative to the decimal point.
        exponent += integerPart.Length - 1 - leading;
        return (digits, exponent);
    }
}
