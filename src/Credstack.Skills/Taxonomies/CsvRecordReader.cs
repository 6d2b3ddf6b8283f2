using System.Text;

namespace Credstack.Skills.Taxonomies;

// RFC 4180 reader: quoted fields may contain commas, doubled quotes and line breaks (ESCO's ALTLABELS
// column is newline-separated), so records are not lines and each record remembers its first line.
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private long _line = 1;

    /// <summary>The last error (an unterminated quote), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Reads the next record; false at end of input or on an error.</summary>
    public bool TryRead(List<string> fields, out long startLine)
    {
        fields.Clear();
        startLine = _line;
        var c = reader.Read();
        if (c < 0)
        {
            return false;
        }

        _field.Clear();
        var inQuotes = false;
        var quotedFieldStartLine = _line;
        while (true)
        {
            if (c < 0)
            {
                if (inQuotes)
                {
                    Error = $"unterminated quoted field starting on line {quotedFieldStartLine}";
                    return false;
                }

                fields.Add(_field.ToString());
                return true;
            }

            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        _line++;
                    }

                    _field.Append(ch);
                }
            }
            else if (ch == '"' && _field.Length == 0)
            {
                inQuotes = true;
                quotedFieldStartLine = _line;
            }
            else if (ch == ',')
            {
                fields.Add(_field.ToString());
                _field.Clear();
            }
            else if (ch == '\r' && reader.Peek() == '\n')
            {
                // CRLF: the '\n' ends the record on the next turn.
            }
            else if (ch == '\n')
            {
                _line++;
                fields.Add(_field.ToString());
                return true;
            }
            else
            {
                _field.Append(ch);
            }

            c = reader.Read();
        }
    }
}
