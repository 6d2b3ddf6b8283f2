// RFC 8785 (JSON Canonicalization Scheme) for the log's own entries only. Credstack.JsonLd has
// the full JCS, but the Ledger may not reference it; entries are flat objects whose values are
// strings and integers, so JCS reduces to: members sorted by the UTF-16 code units of their names
// (section 3.2.3), strings escaped as ECMAScript's JSON.stringify does (section 3.2.2.2), integers
// in plain decimal within the IEEE 754 safe range (section 3.2.2.3), no whitespace, UTF-8 output.
using System.Buffers;
using System.Globalization;
using System.Text;

namespace Credstack.Ledger.Entries;

internal static class CanonicalJsonWriter
{
    private const long MaxSafeInteger = (1L << 53) - 1;

    /// <summary>Writes a flat object whose values are <see cref="string"/> or <see cref="long"/>; null values are left out.</summary>
    public static byte[] WriteObject(IEnumerable<KeyValuePair<string, object?>> members)
    {
        var sorted = members.Where(m => m.Value is not null).ToList();
        sorted.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var output = new ArrayBufferWriter<byte>(256);
        Write(output, "{");
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0)
            {
                Write(output, ",");
            }

            WriteString(output, sorted[i].Key);
            Write(output, ":");
            switch (sorted[i].Value)
            {
                case string text:
                    WriteString(output, text);
                    break;
                case long number when number is >= -MaxSafeInteger and <= MaxSafeInteger:
                    Write(output, number.ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ArgumentException($"Member '{sorted[i].Key}' is not a string or a safe integer.", nameof(members));
            }
        }

        Write(output, "}");
        return output.WrittenSpan.ToArray();
    }

    private static void WriteString(ArrayBufferWriter<byte> output, string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
                continue;
            }

            if (char.IsSurrogate(c))
            {
                throw new ArgumentException("A string contains a lone surrogate, which has no UTF-8 form.", nameof(value));
            }

            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }

        text.Append('"');
        Write(output, text.ToString());
    }

    private static void Write(ArrayBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
