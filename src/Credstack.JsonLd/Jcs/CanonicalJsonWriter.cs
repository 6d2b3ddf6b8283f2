// RFC 8785 §3.2 serialization, shared by JsonCanonicalizer's two inputs: a UTF-8 text (scanned
// once with Utf8JsonReader into a flat token list, no DOM) and a JsonElement. Strings are
// transcoded straight from their escaped JSON form to the canonical form without a detour
// through System.String; member names are unescaped into one scratch buffer and sorted there.
using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Credstack.JsonLd.Jcs;

internal sealed class CanonicalJsonWriter
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = JsonCanonicalizer.MaxDepth,
    };

    private IBufferWriter<byte>? _output;

    // Output is gathered here and handed to _output once, which keeps interface calls off the hot path.
    private byte[] _buffer = new byte[4096];
    private int _written;
    private Token[] _tokens = new Token[256];
    private int _tokenCount;

    // Unescaped member names of the objects being written, used as a stack.
    private byte[] _names = new byte[1024];
    private int _namesLength;

    // Members of the objects being written, used as a stack; each object sorts its own slice.
    private Member[] _members = new Member[64];
    private int _memberCount;
    private JsonElement[] _memberValues = new JsonElement[64];

    /// <summary>True when a huge input grew the buffers: such a writer is not worth keeping for reuse.</summary>
    public bool IsOversized => _buffer.Length > 1 << 20 || _names.Length > 1 << 20 || _tokens.Length > 1 << 16 || _members.Length > 1 << 16;

    public void Start(IBufferWriter<byte>? output)
    {
        _output = output;
        _written = 0;
    }

    /// <summary>The canonical bytes written since <see cref="Start"/>.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _written).ToArray();

    /// <summary>Copies the canonical bytes to the caller's writer.</summary>
    public void Flush()
    {
        _output!.Write(_buffer.AsSpan(0, _written));
        _written = 0;
    }

    public void Finish()
    {
        _output = null;
        _written = 0;
        _tokenCount = 0;
        _namesLength = 0;
        _memberCount = 0;
        Array.Clear(_memberValues);
    }

    // ---- UTF-8 text input ----

    public void WriteDocument(ReadOnlySpan<byte> json)
    {
        Tokenize(json);
        var next = WriteToken(json, 0);
        System.Diagnostics.Debug.Assert(next == _tokenCount, "One top-level value.");
    }

    private void Tokenize(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, new JsonReaderState(ReaderOptions));
        Span<int> openAt = stackalloc int[JsonCanonicalizer.MaxDepth + 1];
        var depth = 0;
        try
        {
            while (reader.Read())
            {
                if (_tokenCount == _tokens.Length)
                {
                    Array.Resize(ref _tokens, _tokens.Length * 2);
                }

                ref var token = ref _tokens[_tokenCount];
                token = default;
                token.Type = reader.TokenType;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        openAt[depth++] = _tokenCount;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        _tokens[openAt[--depth]].Next = _tokenCount + 1;
                        break;
                    case JsonTokenType.PropertyName:
                    case JsonTokenType.String:
                        token.Start = checked((int)reader.TokenStartIndex + 1);
                        token.Length = reader.ValueSpan.Length;
                        token.Escaped = reader.ValueIsEscaped;
                        break;
                    case JsonTokenType.Number:
                        token.Start = checked((int)reader.TokenStartIndex);
                        token.Length = reader.ValueSpan.Length;
                        break;
                    default:
                        break;
                }

                _tokenCount++;
            }
        }
        catch (JsonException e)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidJson, "The input is not valid JSON: " + e.Message, e);
        }
    }

    private int WriteToken(ReadOnlySpan<byte> json, int index)
    {
        var token = _tokens[index];
        switch (token.Type)
        {
            case JsonTokenType.StartObject:
                WriteObjectTokens(json, index);
                return token.Next;
            case JsonTokenType.StartArray:
                WriteByte((byte)'[');
                var i = index + 1;
                var first = true;
                while (_tokens[i].Type != JsonTokenType.EndArray)
                {
                    if (!first)
                    {
                        WriteByte((byte)',');
                    }

                    first = false;
                    i = WriteToken(json, i);
                }

                WriteByte((byte)']');
                return token.Next;
            case JsonTokenType.String:
                WriteString(json.Slice(token.Start, token.Length), token.Escaped);
                return index + 1;
            case JsonTokenType.Number:
                WriteNumber(json.Slice(token.Start, token.Length));
                return index + 1;
            case JsonTokenType.True:
                Write("true"u8);
                return index + 1;
            case JsonTokenType.False:
                Write("false"u8);
                return index + 1;
            case JsonTokenType.Null:
                Write("null"u8);
                return index + 1;
            default:
                throw new InvalidOperationException("Unexpected token " + token.Type);
        }
    }

    private void WriteObjectTokens(ReadOnlySpan<byte> json, int index)
    {
        var memberBase = _memberCount;
        var namesBase = _namesLength;
        var i = index + 1;
        while (_tokens[i].Type != JsonTokenType.EndObject)
        {
            var name = _tokens[i];
            var valueIndex = i + 1;
            var value = _tokens[valueIndex];
            i = value.Type is JsonTokenType.StartObject or JsonTokenType.StartArray ? value.Next : valueIndex + 1;
            AddMember(json.Slice(name.Start, name.Length), name.Escaped, valueIndex, default);
        }

        var members = SortMembers(memberBase);
        WriteByte((byte)'{');
        for (var m = 0; m < members; m++)
        {
            if (m > 0)
            {
                WriteByte((byte)',');
            }

            var member = _members[memberBase + m];
            WriteName(member);
            WriteToken(json, member.Value);
        }

        WriteByte((byte)'}');
        _memberCount = memberBase;
        _namesLength = namesBase;
    }

    // ---- JsonElement input ----

    public void WriteElement(JsonElement element, int depth)
    {
        if (depth > JsonCanonicalizer.MaxDepth)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidJson, $"The JSON is nested deeper than {JsonCanonicalizer.MaxDepth} levels.");
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObjectElement(element, depth);
                break;
            case JsonValueKind.Array:
                WriteByte((byte)'[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        WriteByte((byte)',');
                    }

                    first = false;
                    WriteElement(item, depth + 1);
                }

                WriteByte((byte)']');
                break;
            case JsonValueKind.String:
                var raw = JsonMarshal.GetRawUtf8Value(element);
                var content = raw[1..^1];
                WriteString(content, content.Contains((byte)'\\'));
                break;
            case JsonValueKind.Number:
                WriteNumber(JsonMarshal.GetRawUtf8Value(element));
                break;
            case JsonValueKind.True:
                Write("true"u8);
                break;
            case JsonValueKind.False:
                Write("false"u8);
                break;
            case JsonValueKind.Null:
                Write("null"u8);
                break;
            default:
                throw new ArgumentException("The element holds no JSON value.", nameof(element));
        }
    }

    private void WriteObjectElement(JsonElement element, int depth)
    {
        var memberBase = _memberCount;
        var namesBase = _namesLength;
        foreach (var property in element.EnumerateObject())
        {
            var rawName = JsonMarshal.GetRawUtf8PropertyName(property);
            AddMember(rawName, rawName.Contains((byte)'\\'), -1, property.Value);
        }

        var members = SortMembers(memberBase);
        WriteByte((byte)'{');
        for (var m = 0; m < members; m++)
        {
            if (m > 0)
            {
                WriteByte((byte)',');
            }

            var member = _members[memberBase + m];
            WriteName(member);
            WriteElement(_memberValues[member.ElementSlot], depth + 1);
        }

        WriteByte((byte)'}');
        Array.Clear(_memberValues, memberBase, members);
        _memberCount = memberBase;
        _namesLength = namesBase;
    }

    // ---- Members: unescape names, sort by UTF-16 code units, reject duplicates ----

    private void AddMember(ReadOnlySpan<byte> rawName, bool escaped, int valueToken, JsonElement valueElement)
    {
        if (_memberCount == _members.Length)
        {
            Array.Resize(ref _members, _members.Length * 2);
            Array.Resize(ref _memberValues, _memberValues.Length * 2);
        }

        EnsureNames(rawName.Length);
        var start = _namesLength;
        var length = escaped ? Unescape(rawName, _names.AsSpan(start)) : CopyValidated(rawName, _names.AsSpan(start));
        _namesLength += length;
        _memberValues[_memberCount] = valueElement;
        _members[_memberCount] = new Member(start, length, valueToken, _memberCount);
        _memberCount++;
    }

    private int SortMembers(int memberBase)
    {
        var members = _members.AsSpan(memberBase, _memberCount - memberBase);
        if (members.Length > 1)
        {
            var order = new MemberOrder(_names);
            if (members.Length <= 16)
            {
                // Insertion sort: objects in credentials are small, and Span.Sort allocates a delegate.
                for (var i = 1; i < members.Length; i++)
                {
                    var item = members[i];
                    var j = i - 1;
                    while (j >= 0 && order.Compare(members[j], item) > 0)
                    {
                        members[j + 1] = members[j];
                        j--;
                    }

                    members[j + 1] = item;
                }
            }
            else
            {
                members.Sort(order);
            }

            for (var m = 1; m < members.Length; m++)
            {
                if (NameOf(members[m - 1]).SequenceEqual(NameOf(members[m])))
                {
                    throw new JsonLdException(
                        JsonLdErrorCode.InvalidJson,
                        "The JSON object has the member name \"" + Encoding.UTF8.GetString(NameOf(members[m])) + "\" more than once (RFC 8785 §3.1 requires I-JSON).");
                }
            }
        }

        return members.Length;
    }

    private ReadOnlySpan<byte> NameOf(Member member) => _names.AsSpan(member.NameStart, member.NameLength);

    private void WriteName(Member member)
    {
        WriteCanonicalString(NameOf(member));
        WriteByte((byte)':');
    }

    private void EnsureNames(int rawLength)
    {
        // Unescaping never lengthens: "\uXXXX" (6 bytes) becomes at most 3, a surrogate pair (12) 4.
        if (_namesLength + rawLength > _names.Length)
        {
            Array.Resize(ref _names, Math.Max(_names.Length * 2, _namesLength + rawLength));
        }
    }

    // ---- Strings (§3.2.2.2) ----

    private void WriteString(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (!escaped)
        {
            if (!Utf8.IsValid(raw))
            {
                throw InvalidUtf8();
            }

            // Unescaped JSON string content has no '"', '\' or control characters: already canonical.
            WriteByte((byte)'"');
            Write(raw);
            WriteByte((byte)'"');
            return;
        }

        var buffer = raw.Length <= 512 ? stackalloc byte[raw.Length] : new byte[raw.Length];
        var length = Unescape(raw, buffer);
        WriteCanonicalString(buffer[..length]);
    }

    // Writes unescaped UTF-8 text as a canonical JSON string.
    private void WriteCanonicalString(ReadOnlySpan<byte> text)
    {
        WriteByte((byte)'"');
        while (true)
        {
            var next = text.IndexOfAnyInRange((byte)0, (byte)0x1F);
            var quote = text.IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0 || (quote >= 0 && quote < next))
            {
                next = quote;
            }

            if (next < 0)
            {
                Write(text);
                break;
            }

            Write(text[..next]);
            var c = text[next];
            switch (c)
            {
                case (byte)'"': Write("\\\""u8); break;
                case (byte)'\\': Write("\\\\"u8); break;
                case (byte)'\b': Write("\\b"u8); break;
                case (byte)'\f': Write("\\f"u8); break;
                case (byte)'\n': Write("\\n"u8); break;
                case (byte)'\r': Write("\\r"u8); break;
                case (byte)'\t': Write("\\t"u8); break;
                default:
                    var span = Reserve(6);
                    "\\u00"u8.CopyTo(span);
                    span[4] = (byte)"0123456789abcdef"[c >> 4];
                    span[5] = (byte)"0123456789abcdef"[c & 0xF];
                    _written += 6;
                    break;
            }

            text = text[(next + 1)..];
        }

        WriteByte((byte)'"');
    }

    // JSON string escapes (RFC 8259 §7) to UTF-8; a lone surrogate is an error (I-JSON, RFC 7493 §2.1).
    private static int Unescape(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        var at = 0;
        while (true)
        {
            var next = raw.IndexOf((byte)'\\');
            var run = next < 0 ? raw : raw[..next];
            if (!Utf8.IsValid(run))
            {
                throw InvalidUtf8();
            }

            run.CopyTo(destination[at..]);
            at += run.Length;
            if (next < 0)
            {
                return at;
            }

            var e = raw[next + 1];
            var consumed = 2;
            switch (e)
            {
                case (byte)'b': destination[at++] = (byte)'\b'; break;
                case (byte)'f': destination[at++] = (byte)'\f'; break;
                case (byte)'n': destination[at++] = (byte)'\n'; break;
                case (byte)'r': destination[at++] = (byte)'\r'; break;
                case (byte)'t': destination[at++] = (byte)'\t'; break;
                case (byte)'u':
                    var code = ParseHex4(raw.Slice(next + 2, 4));
                    consumed = 6;
                    if (char.IsLowSurrogate((char)code))
                    {
                        throw LoneSurrogate(code);
                    }

                    if (char.IsHighSurrogate((char)code))
                    {
                        var rest = raw[(next + 6)..];
                        if (rest.Length < 6 || rest[0] != '\\' || rest[1] != 'u' || !char.IsLowSurrogate((char)ParseHex4(rest.Slice(2, 4))))
                        {
                            throw LoneSurrogate(code);
                        }

                        code = char.ConvertToUtf32((char)code, (char)ParseHex4(rest.Slice(2, 4)));
                        consumed = 12;
                    }

                    at += new Rune(code).EncodeToUtf8(destination[at..]);
                    break;
                default:
                    // '"', '\' and '/' stand for themselves.
                    destination[at++] = e;
                    break;
            }

            raw = raw[(next + consumed)..];
        }
    }

    private static int CopyValidated(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        if (!Utf8.IsValid(raw))
        {
            throw InvalidUtf8();
        }

        raw.CopyTo(destination);
        return raw.Length;
    }

    private static int ParseHex4(ReadOnlySpan<byte> hex) =>
        int.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static JsonLdException LoneSurrogate(int code) =>
        new(JsonLdErrorCode.InvalidJson, string.Create(CultureInfo.InvariantCulture, $"The JSON string contains the lone surrogate \\u{code:x4}, which has no UTF-8 form (RFC 8785 §3.2.2.2)."));

    private static JsonLdException InvalidUtf8() =>
        new(JsonLdErrorCode.InvalidJson, "The JSON string is not valid UTF-8.");

    // ---- Numbers (§3.2.2.3) ----

    private void WriteNumber(ReadOnlySpan<byte> raw)
    {
        // An integer of at most 15 digits is exactly a double and ECMAScript prints it as written
        // (JSON forbids leading zeros), except that -0 is printed 0.
        if (raw.Length <= 15 && raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            if (raw.SequenceEqual("-0"u8))
            {
                WriteByte((byte)'0');
            }
            else
            {
                Write(raw);
            }

            return;
        }

        // Correctly rounded (IEEE-754 round-half-even); overflow gives an infinity, rejected below.
        var value = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);

        if (!double.IsFinite(value))
        {
            throw new JsonLdException(
                JsonLdErrorCode.InvalidJson,
                "The JSON number " + Encoding.ASCII.GetString(raw) + " is outside the range of an IEEE-754 double (RFC 8785 §3.2.2.3).");
        }

        var span = Reserve(EcmaScriptNumberFormatter.MaxLength);
        _written += EcmaScriptNumberFormatter.Format(value, span);
    }

    // ---- Output ----

    private Span<byte> Reserve(int size)
    {
        if (_buffer.Length - _written < size)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _written + size));
        }

        return _buffer.AsSpan(_written);
    }

    private void WriteByte(byte value)
    {
        if (_written == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        _buffer[_written++] = value;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        bytes.CopyTo(Reserve(bytes.Length));
        _written += bytes.Length;
    }

    private struct Token
    {
        public JsonTokenType Type;
        public bool Escaped;
        public int Start;
        public int Length;

        // For StartObject/StartArray: the index of the token after the matching end.
        public int Next;
    }

    private readonly record struct Member(int NameStart, int NameLength, int Value, int ElementSlot);

    // §3.2.3: compare names as arrays of UTF-16 code units. On UTF-8 bytes that is byte order,
    // except that a supplementary character (lead byte F0-F4, a surrogate pair in UTF-16) sorts
    // before U+E000-U+FFFF (lead byte EE-EF).
    private readonly struct MemberOrder(byte[] names) : IComparer<Member>
    {
        public int Compare(Member x, Member y)
        {
            var a = names.AsSpan(x.NameStart, x.NameLength);
            var b = names.AsSpan(y.NameStart, y.NameLength);
            var i = a.CommonPrefixLength(b);
            if (i == a.Length || i == b.Length)
            {
                return a.Length - b.Length;
            }

            int p = a[i], q = b[i];
            if (p >= 0xEE && q >= 0xEE && p < 0xF8 && q < 0xF8 && (p >= 0xF0) != (q >= 0xF0))
            {
                return p >= 0xF0 ? -1 : 1;
            }

            return p - q;
        }
    }
}
