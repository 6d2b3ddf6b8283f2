// RDF 1.1 N-Quads (W3C Recommendation 2014-02-25), §3 "Grammar" (productions [1]-[165s]
// of the N-Quads EBNF, with the terminals of RDF 1.1 N-Triples §6). RDF 1.2 triple terms and
// base directions are not accepted. IRIs must be absolute (they must carry a scheme), as
// RDF 1.1 Concepts §3.2 requires of IRIs in a dataset.
//
// The parser is a single forward scan: no recursion and no backtracking beyond one character,
// so hostile input costs linear time and constant stack. Limits come from NQuadsParserOptions.
using System.Globalization;
using System.Text;

namespace Credstack.JsonLd.Rdf;

/// <summary>Parses N-Quads documents into <see cref="Quad"/>s.</summary>
public static class NQuadsParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly System.Buffers.SearchValues<char> IriStops = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F <>\"{}|^`\\");

    private static readonly System.Buffers.SearchValues<char> LiteralStops = System.Buffers.SearchValues.Create("\"\\\n\r");

    /// <summary>
    /// Parses an N-Quads document, in document order, duplicates kept.
    /// Throws <see cref="NQuadsSyntaxException"/> with the line and column of the first error.
    /// </summary>
    public static IReadOnlyList<Quad> Parse(string document, NQuadsParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new Reader(document, options ?? NQuadsParserOptions.Default).Run();
    }

    /// <summary>Parses a UTF-8 encoded N-Quads document; invalid UTF-8 is a syntax error.</summary>
    public static IReadOnlyList<Quad> Parse(ReadOnlySpan<byte> utf8Document, NQuadsParserOptions? options = null)
    {
        options ??= NQuadsParserOptions.Default;
        if (utf8Document.Length > options.MaxDocumentLength)
        {
            throw new NQuadsSyntaxException(TooLong(options.MaxDocumentLength), 1, 1);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(utf8Document);
        }
        catch (DecoderFallbackException e)
        {
            // Report where the bad byte sits: count the lines before it.
            var prefix = utf8Document[..Math.Max(0, Math.Min(utf8Document.Length, e.Index < 0 ? 0 : e.Index))];
            var line = 1 + prefix.Count((byte)'\n');
            var column = prefix.Length - (prefix.LastIndexOf((byte)'\n') + 1) + 1;
            throw new NQuadsSyntaxException("the document is not valid UTF-8", line, column);
        }

        return new Reader(text, options).Run();
    }

    private static string TooLong(int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"the document is longer than the limit of {limit} characters (NQuadsParserOptions.MaxDocumentLength)");

    private sealed class Reader
    {
        private readonly string _text;
        private readonly NQuadsParserOptions _options;
        private readonly List<Quad> _quads = [];

        // Predicates, datatypes and blank node labels repeat; sharing one string per distinct
        // value saves most of the parser's allocations.
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;
        private readonly StringBuilder _scratch = new();
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        public Reader(string text, NQuadsParserOptions options)
        {
            _text = text;
            _options = options;
            _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public List<Quad> Run()
        {
            if (_text.Length > _options.MaxDocumentLength)
            {
                throw new NQuadsSyntaxException(TooLong(_options.MaxDocumentLength), 1, 1);
            }

            CheckSurrogates();
            CheckLineLength();
            while (true)
            {
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    return _quads;
                }

                var c = _text[_pos];
                if (c is '\n' or '\r')
                {
                    NewLine();
                }
                else if (c == '#')
                {
                    SkipComment();
                }
                else
                {
                    ParseStatement();
                }
            }
        }

        // statement ::= subject predicate object graphLabel? '.'
        private void ParseStatement()
        {
            if (_quads.Count >= _options.MaxQuads)
            {
                throw Error(string.Create(CultureInfo.InvariantCulture, $"the document has more than {_options.MaxQuads} statements (NQuadsParserOptions.MaxQuads)"));
            }

            var subject = Peek() switch
            {
                '<' => ReadIri(),
                '_' => ReadBlankNode(),
                _ => throw Error("expected an IRI or a blank node as the subject"),
            };
            SkipWhitespace();
            if (Peek() != '<')
            {
                throw Error("expected an IRI as the predicate");
            }

            var predicate = ReadIri();
            SkipWhitespace();
            var @object = Peek() switch
            {
                '<' => ReadIri(),
                '_' => ReadBlankNode(),
                '"' => ReadLiteral(),
                _ => throw Error("expected an IRI, a blank node or a literal as the object"),
            };
            SkipWhitespace();
            var graph = Peek() switch
            {
                '<' => ReadIri(),
                '_' => ReadBlankNode(),
                _ => RdfTerm.DefaultGraph,
            };
            SkipWhitespace();
            if (Peek() != '.')
            {
                throw Error("expected '.' at the end of the statement");
            }

            _pos++;
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] is not ('\n' or '\r' or '#'))
            {
                throw Error("expected the end of the line after '.'");
            }

            _quads.Add(new Quad(subject, predicate, @object, graph));
        }

        // IRIREF ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'
        private RdfTerm ReadIri() => RdfTerm.Iri(ReadIriText());

        private string ReadIriText()
        {
            var start = ++_pos;
            var escaped = false;
            var stop = _text.AsSpan(start).IndexOfAny(IriStops);
            if (stop >= 0 && _text[start + stop] == '>')
            {
                // Fast path: no escapes and no forbidden characters before the closing '>'.
                _pos = start + stop;
            }

            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw Error("the IRI is not closed with '>'");
                }

                var c = _text[_pos];
                if (c == '>')
                {
                    break;
                }

                if (c == '\\')
                {
                    escaped = true;
                    _pos++;
                    if (Peek() is not ('u' or 'U'))
                    {
                        throw Error("only \\u and \\U escapes are allowed in an IRI");
                    }

                    SkipUchar();
                    continue;
                }

                if (c <= ' ' || c is '<' or '"' or '{' or '}' or '|' or '^' or '`')
                {
                    throw Error(string.Create(CultureInfo.InvariantCulture, $"the character U+{(int)c:X4} is not allowed in an IRI"));
                }

                _pos++;
            }

            var raw = _text.AsSpan(start, _pos - start);
            _pos++;
            string iri;
            if (escaped)
            {
                _scratch.Clear();
                Unescape(raw, start, allowEchar: false);
                iri = Intern(_scratch.ToString());
            }
            else
            {
                iri = Intern(raw);
            }

            if (!HasScheme(iri))
            {
                throw Error("the IRI is relative; N-Quads needs absolute IRIs", start);
            }

            return iri;
        }

        // BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
        private RdfTerm ReadBlankNode()
        {
            _pos++;
            if (Peek() != ':')
            {
                throw Error("expected ':' after '_' in a blank node label");
            }

            var start = ++_pos;
            var first = ReadCodePoint(out var width);
            if (!(IsPnCharsU(first) || first is >= '0' and <= '9'))
            {
                throw Error("a blank node label must start with a letter, a digit, '_' or ':'");
            }

            _pos += width;
            var lastGood = _pos;
            while (_pos < _text.Length)
            {
                var c = ReadCodePoint(out width);
                if (c == '.')
                {
                    _pos += width;
                }
                else if (IsPnChars(c))
                {
                    _pos += width;
                    lastGood = _pos;
                }
                else
                {
                    break;
                }
            }

            // A label cannot end with '.': that dot (and any run of them) is the statement's end.
            _pos = lastGood;
            return RdfTerm.BlankNode(Intern(_text.AsSpan(start, _pos - start)));
        }

        // literal ::= STRING_LITERAL_QUOTE ('^^' IRIREF | LANGTAG)?
        private RdfTerm ReadLiteral()
        {
            var start = ++_pos;
            var end = _text.AsSpan(start).IndexOfAny(LiteralStops);
            string value;
            if (end >= 0 && _text[start + end] == '"')
            {
                value = _text.Substring(start, end);
                _pos = start + end + 1;
            }
            else
            {
                while (true)
                {
                    if (_pos >= _text.Length)
                    {
                        throw Error("the literal is not closed with '\"'");
                    }

                    var c = _text[_pos];
                    if (c == '"')
                    {
                        break;
                    }

                    if (c is '\n' or '\r')
                    {
                        throw Error("a line break must be written as \\n or \\r inside a literal");
                    }

                    if (c == '\\')
                    {
                        _pos++;
                        var e = Peek();
                        if (e is 'u' or 'U')
                        {
                            SkipUchar();
                            continue;
                        }

                        if (e is not ('t' or 'b' or 'n' or 'r' or 'f' or '"' or '\'' or '\\'))
                        {
                            throw Error("unknown escape sequence in a literal");
                        }
                    }

                    _pos++;
                }

                _scratch.Clear();
                Unescape(_text.AsSpan(start, _pos - start), start, allowEchar: true);
                value = _scratch.ToString();
                _pos++;
            }

            if (Peek() == '@')
            {
                // LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*
                var tagStart = ++_pos;
                if (!char.IsAsciiLetter(Peek()))
                {
                    throw Error("a language tag must start with a letter");
                }

                while (char.IsAsciiLetter(Peek()))
                {
                    _pos++;
                }

                while (Peek() == '-')
                {
                    _pos++;
                    if (!char.IsAsciiLetterOrDigit(Peek()))
                    {
                        throw Error("a language tag subtag must not be empty");
                    }

                    while (char.IsAsciiLetterOrDigit(Peek()))
                    {
                        _pos++;
                    }
                }

                return RdfTerm.Literal(value, language: Intern(_text.AsSpan(tagStart, _pos - tagStart)));
            }

            if (Peek() == '^')
            {
                _pos++;
                if (Peek() != '^')
                {
                    throw Error("expected '^^' before a datatype IRI");
                }

                _pos++;
                if (Peek() != '<')
                {
                    throw Error("expected a datatype IRI after '^^'");
                }

                return RdfTerm.Literal(value, ReadIriText());
            }

            return RdfTerm.Literal(value);
        }

        // UCHAR ::= '\u' HEX HEX HEX HEX | '\U' HEX HEX HEX HEX HEX HEX HEX HEX; _pos is at 'u'/'U'.
        private void SkipUchar()
        {
            var digits = _text[_pos] == 'u' ? 4 : 8;
            _pos++;
            for (var i = 0; i < digits; i++)
            {
                if (!char.IsAsciiHexDigit(Peek()))
                {
                    throw Error("expected a hexadecimal digit in a \\u or \\U escape");
                }

                _pos++;
            }
        }

        // Decodes an already validated escaped run into _scratch.
        private void Unescape(ReadOnlySpan<char> raw, int rawStart, bool allowEchar)
        {
            for (var i = 0; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c != '\\')
                {
                    _scratch.Append(c);
                    continue;
                }

                var e = raw[++i];
                if (e is 'u' or 'U')
                {
                    var digits = e == 'u' ? 4 : 8;
                    var code = int.Parse(raw.Slice(i + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                    if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                    {
                        throw Error("the escape is not a Unicode scalar value", rawStart + i - 1);
                    }

                    _scratch.Append(new Rune(code).ToString());
                    i += digits;
                    continue;
                }

                System.Diagnostics.Debug.Assert(allowEchar, "IRIs were validated to hold only UCHAR escapes.");
                _scratch.Append(e switch
                {
                    't' => '\t',
                    'b' => '\b',
                    'n' => '\n',
                    'r' => '\r',
                    'f' => '\f',
                    _ => e,
                });
            }
        }

        private int ReadCodePoint(out int width)
        {
            if (_pos >= _text.Length)
            {
                width = 0;
                return -1;
            }

            var c = _text[_pos];
            if (char.IsHighSurrogate(c) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1]))
            {
                width = 2;
                return char.ConvertToUtf32(c, _text[_pos + 1]);
            }

            width = 1;
            return c;
        }

        // PN_CHARS_BASE, PN_CHARS_U and PN_CHARS of RDF 1.1 N-Triples §6.
        private static bool IsPnCharsBase(int c) =>
            c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z')
            or (>= 0xC0 and <= 0xD6) or (>= 0xD8 and <= 0xF6) or (>= 0xF8 and <= 0x2FF)
            or (>= 0x370 and <= 0x37D) or (>= 0x37F and <= 0x1FFF) or (>= 0x200C and <= 0x200D)
            or (>= 0x2070 and <= 0x218F) or (>= 0x2C00 and <= 0x2FEF) or (>= 0x3001 and <= 0xD7FF)
            or (>= 0xF900 and <= 0xFDCF) or (>= 0xFDF0 and <= 0xFFFD) or (>= 0x10000 and <= 0xEFFFF);

        private static bool IsPnCharsU(int c) => c is '_' or ':' || IsPnCharsBase(c);

        private static bool IsPnChars(int c) =>
            IsPnCharsU(c) || c is '-' or (>= '0' and <= '9') or 0xB7 or (>= 0x300 and <= 0x36F) or (>= 0x203F and <= 0x2040);

        // RFC 3987 scheme ::= ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) followed by ':'.
        private static bool HasScheme(string iri)
        {
            if (iri.Length == 0 || !char.IsAsciiLetter(iri[0]))
            {
                return false;
            }

            for (var i = 1; i < iri.Length; i++)
            {
                var c = iri[i];
                if (c == ':')
                {
                    return true;
                }

                if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
                {
                    return false;
                }
            }

            return false;
        }

        private string Intern(ReadOnlySpan<char> value)
        {
            if (_nameLookup.TryGetValue(value, out var existing))
            {
                return existing;
            }

            var created = value.ToString();
            _names.Add(created, created);
            return created;
        }

        private string Intern(string value)
        {
            if (_names.TryGetValue(value, out var existing))
            {
                return existing;
            }

            _names.Add(value, value);
            return value;
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length && _text[_pos] is ' ' or '\t')
            {
                _pos++;
            }
        }

        private void SkipComment()
        {
            var end = _text.AsSpan(_pos).IndexOfAny('\n', '\r');
            _pos = end < 0 ? _text.Length : _pos + end;
        }

        // EOL ::= [#xD#xA]+ ; each CR LF pair, lone CR or lone LF starts a new line for positions.
        private void NewLine()
        {
            if (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
            {
                _pos++;
            }

            _pos++;
            _line++;
            _lineStart = _pos;
            CheckLineLength();
        }

        private void CheckLineLength()
        {
            var rest = _text.AsSpan(_lineStart);
            var length = rest.IndexOfAny('\n', '\r');
            if ((length < 0 ? rest.Length : length) > _options.MaxLineLength)
            {
                throw new NQuadsSyntaxException(
                    string.Create(CultureInfo.InvariantCulture, $"the line is longer than the limit of {_options.MaxLineLength} characters (NQuadsParserOptions.MaxLineLength)"),
                    _line,
                    1);
            }
        }

        // A .NET string may hold unpaired surrogates, which no RDF term can contain.
        private void CheckSurrogates()
        {
            var span = _text.AsSpan();
            var i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
            while (i >= 0 && i < span.Length)
            {
                if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                {
                    i += 2;
                }
                else
                {
                    var line = 1 + span[..i].Count('\n');
                    var column = i - (span[..i].LastIndexOf('\n') + 1) + 1;
                    throw new NQuadsSyntaxException("the document contains an unpaired surrogate", line, column);
                }

                var next = span[i..].IndexOfAnyInRange('\uD800', '\uDFFF');
                i = next < 0 ? -1 : i + next;
            }
        }

        private NQuadsSyntaxException Error(string reason) => Error(reason, _pos);

        private NQuadsSyntaxException Error(string reason, int position) =>
            new(reason, _line, position - _lineStart + 1);
    }
}
