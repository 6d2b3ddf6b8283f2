// W3C Bitstring Status List v1.0 (Recommendation, 2025), §4.1 "Bitstring Generation Algorithm",
// §4.2 "Bitstring Expansion Algorithm", §3.1 "Validate Algorithm" (reading an entry).
// Bit order: index 0 is the left-most, most significant bit of byte 0. An entry of statusSize
// bits starts at bit index × statusSize and is read left to right as a big-endian unsigned
// integer (the spec leaves this implicit; it follows from the left-to-right layout).
// Deviation: the minimum is applied in entries (131,072 × statusSize bits), the herd-privacy
// size the spec recommends, which for statusSize 1 is the spec's 16 KB bitstring minimum.
using System.Buffers.Text;
using System.IO.Compression;

namespace Credstack.Credentials.Status;

/// <summary>
/// A fixed-length list of status entries of <see cref="StatusSize"/> bits each, packed
/// most-significant-bit first, as published in a <c>BitstringStatusListCredential</c>.
/// </summary>
public sealed class StatusList
{
    /// <summary>The smallest list the spec allows: 131,072 entries, so one credential hides among many.</summary>
    public const int MinimumLength = 131_072;

    /// <summary>The largest <c>statusSize</c> accepted: an entry's value must fit in an <see cref="int"/>.</summary>
    public const int MaximumStatusSize = 16;

    private readonly byte[] _bits;

    /// <summary>Creates a list of <paramref name="length"/> entries, all zero.</summary>
    /// <param name="length">Number of entries; at least <see cref="MinimumLength"/>.</param>
    /// <param name="statusSize">Bits per entry, 1 to <see cref="MaximumStatusSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The length is below the minimum, or the size is out of range.</exception>
    public StatusList(int length = MinimumLength, int statusSize = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, MinimumLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusSize, MaximumStatusSize);
        var bitCount = (long)length * statusSize;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitCount, (long)Array.MaxLength * 8, nameof(length));
        Length = length;
        StatusSize = statusSize;
        _bits = new byte[(bitCount + 7) / 8];
    }

    private StatusList(byte[] bits, int length, int statusSize)
    {
        _bits = bits;
        Length = length;
        StatusSize = statusSize;
    }

    /// <summary>Number of entries.</summary>
    public int Length { get; }

    /// <summary>Bits per entry (<c>statusSize</c>).</summary>
    public int StatusSize { get; }

    /// <summary>The largest value an entry can hold: 2^statusSize - 1.</summary>
    public int MaximumValue => (1 << StatusSize) - 1;

    /// <summary>The uncompressed bitstring (a view, not a copy).</summary>
    public ReadOnlySpan<byte> Bits => _bits;

    /// <summary>Reads the value of entry <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or past the end.</exception>
    public int Get(int index)
    {
        CheckIndex(index);
        var position = (long)index * StatusSize;
        var value = 0;
        for (var i = 0; i < StatusSize; i++, position++)
        {
            var bit = (_bits[position >> 3] >> (7 - (int)(position & 7))) & 1;
            value = (value << 1) | bit;
        }

        return value;
    }

    /// <summary>True when entry <paramref name="index"/> is not zero (revoked, suspended, refresh requested...).</summary>
    public bool IsSet(int index) => Get(index) != 0;

    /// <summary>Writes <paramref name="value"/> into entry <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is out of range, or the value does not fit in <see cref="StatusSize"/> bits.</exception>
    public void Set(int index, int value = 1)
    {
        CheckIndex(index);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaximumValue);
        var position = (long)index * StatusSize;
        for (var i = StatusSize - 1; i >= 0; i--, position++)
        {
            var mask = (byte)(0x80 >> (int)(position & 7));
            if (((value >> i) & 1) != 0)
            {
                _bits[position >> 3] |= mask;
            }
            else
            {
                _bits[position >> 3] &= unchecked((byte)~mask);
            }
        }
    }

    /// <summary>Sets entry <paramref name="index"/> back to zero.</summary>
    public void Clear(int index) => Set(index, 0);

    /// <summary>
    /// The <c>encodedList</c> value: the bitstring GZIP-compressed (RFC 1952), then multibase
    /// base64url without padding (prefix <c>u</c>).
    /// </summary>
    public string Encode()
    {
        using var compressed = new MemoryStream(_bits.Length / 64 + 64);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(_bits);
        }

        var gz = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        return string.Create(1 + Base64Url.GetEncodedLength(gz.Length), compressed, static (chars, stream) =>
        {
            chars[0] = 'u';
            Base64Url.EncodeToChars(stream.GetBuffer().AsSpan(0, (int)stream.Length), chars[1..]);
        });
    }

    /// <summary>
    /// Decodes an <c>encodedList</c> value with bounded work: the encoded text and the
    /// decompressed bitstring are both size-limited, so a GZIP bomb is reported, not inflated.
    /// </summary>
    /// <param name="encodedList">The multibase base64url GZIP value.</param>
    /// <param name="statusSize">Bits per entry, from the status entry (1 when absent).</param>
    /// <param name="options">Limits; <see cref="StatusListDecodeOptions.Default"/> when null.</param>
    /// <returns>The list, or the problem that prevented decoding. Never throws for bad input.</returns>
    public static StatusListDecodeResult Decode(string? encodedList, int statusSize = 1, StatusListDecodeOptions? options = null)
    {
        options ??= StatusListDecodeOptions.Default;
        if (statusSize is < 1 or > MaximumStatusSize)
        {
            return StatusListDecodeResult.Fail(StatusProblem.MalformedEntry, $"statusSize must be between 1 and {MaximumStatusSize}, not {statusSize}.");
        }

        if (string.IsNullOrEmpty(encodedList))
        {
            return StatusListDecodeResult.Fail(StatusProblem.MalformedList, "encodedList is empty.");
        }

        if (encodedList[0] != 'u')
        {
            return StatusListDecodeResult.Fail(StatusProblem.MalformedList,
                $"encodedList must be multibase base64url and start with 'u', but starts with '{encodedList[0]}'.");
        }

        if (encodedList.Length > options.MaxEncodedLength)
        {
            return StatusListDecodeResult.Fail(StatusProblem.ListTooLarge,
                $"encodedList is {encodedList.Length} characters, more than the limit of {options.MaxEncodedLength}.");
        }

        var text = encodedList.AsSpan(1);
        if (text.Length % 4 == 1 || !IsBase64UrlWithoutPadding(text))
        {
            return StatusListDecodeResult.Fail(StatusProblem.MalformedList,
                "encodedList is not base64url without padding (RFC 4648 §5): it holds a character outside A-Z a-z 0-9 '-' '_' or has an impossible length.");
        }

        byte[] compressed;
        try
        {
            compressed = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            // The characters were checked above; what is left is a final character whose unused bits are not zero.
            return StatusListDecodeResult.Fail(StatusProblem.MalformedList, "encodedList is not canonical base64url: the unused bits of its last character are not zero.");
        }

        return Inflate(compressed, statusSize, options);
    }

    private static StatusListDecodeResult Inflate(ReadOnlySpan<byte> compressed, int statusSize, StatusListDecodeOptions options)
    {
        if (compressed.Length < 18 || compressed[0] != 0x1f || compressed[1] != 0x8b)
        {
            return StatusListDecodeResult.Fail(StatusProblem.MalformedList, "The decoded encodedList is not GZIP data (RFC 1952 magic bytes 1f 8b missing).");
        }

        var limit = options.MaxDecompressedBytes;
        var output = new MemoryStream();
        try
        {
            using var input = new MemoryStream(compressed.ToArray(), writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                // Stop as soon as the limit is passed: the remaining input is never inflated.
                if (output.Length + read > limit)
                {
                    return StatusListDecodeResult.Fail(StatusProblem.ListTooLarge,
                        $"The decompressed list exceeds the limit of {limit} bytes (possible GZIP bomb); decoding stopped.");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            return StatusListDecodeResult.Fail(StatusProblem.MalformedList, "The GZIP data in encodedList is corrupt: " + ex.Message);
        }

        var bits = output.ToArray();
        var entries = bits.LongLength * 8 / statusSize;
        if (entries < options.MinimumLength)
        {
            return StatusListDecodeResult.Fail(StatusProblem.ListTooShort,
                $"The list holds {entries} entries of {statusSize} bit(s) ({bits.Length} bytes); the minimum is {options.MinimumLength} entries (STATUS_LIST_LENGTH_ERROR).");
        }

        return StatusListDecodeResult.Ok(new StatusList(bits, (int)Math.Min(entries, int.MaxValue), statusSize));
    }

    private static bool IsBase64UrlWithoutPadding(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private void CheckIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
    }
}
