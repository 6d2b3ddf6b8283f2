// RFC 8785 (JSON Canonicalization Scheme) §3.2.2.3 "Serialization of Numbers", which adopts
// ECMA-262 §7.1.12.1 Number::toString: the shortest digits that round-trip, written in plain
// decimal for exponents from -6 to 20 and as d.ddde±x outside it; -0 is written "0".
// The shortest digits come from .NET's round-trip formatting ("R", shortest since .NET Core 3.0);
// only the layout is ECMAScript's.
using System.Globalization;
using System.Text;

namespace Credstack.JsonLd.Jcs;

/// <summary>Formats IEEE-754 doubles the way ECMAScript's <c>Number.prototype.toString()</c> does.</summary>
public static class EcmaScriptNumberFormatter
{
    /// <summary>The longest output: "-" + 17 digits + "." + "e-324"-style exponent, with room to spare.</summary>
    public const int MaxLength = 32;

    /// <summary>Formats a finite double; NaN and infinities throw <see cref="ArgumentOutOfRangeException"/>.</summary>
    public static string Format(double value)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        var length = Format(value, buffer);
        return Encoding.ASCII.GetString(buffer[..length]);
    }

    /// <summary>Writes a finite double as ASCII into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes) and returns the length.</summary>
    public static int Format(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "NaN and infinities have no JSON representation (RFC 8785 §3.2.2.3).");
        }

        if (destination.Length < MaxLength)
        {
            throw new ArgumentException("The destination is shorter than MaxLength.", nameof(destination));
        }

        if (value == 0)
        {
            destination[0] = (byte)'0';
            return 1;
        }

        // Shortest round-trip digits, e.g. "1.2345E-07" or "123.45"; split into digits and exponent.
        Span<char> text = stackalloc char[MaxLength];
        value.TryFormat(text, out var textLength, "R", CultureInfo.InvariantCulture);
        text = text[..textLength];

        Span<byte> digits = stackalloc byte[24];
        var k = 0;
        var pointPosition = -1;
        var exponent = 0;
        var negative = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '-')
            {
                negative = true;
            }
            else if (c == '.')
            {
                pointPosition = k;
            }
            else if (c is 'E' or 'e')
            {
                exponent = int.Parse(text[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else
            {
                digits[k++] = (byte)c;
            }
        }

        // value = 0.d1d2...dk × 10^n, with d1 ≠ 0 and dk ≠ 0 (ECMA-262 notation).
        var n = (pointPosition < 0 ? k : pointPosition) + exponent;
        var leading = 0;
        while (leading < k && digits[leading] == '0')
        {
            leading++;
        }

        n -= leading;
        digits = digits[leading..k];
        k = digits.Length;
        while (k > 1 && digits[k - 1] == '0')
        {
            k--;
        }

        digits = digits[..k];
        var at = 0;
        if (negative)
        {
            destination[at++] = (byte)'-';
        }

        if (k <= n && n <= 21)
        {
            // Integer: the digits followed by n - k zeros.
            digits.CopyTo(destination[at..]);
            at += k;
            destination.Slice(at, n - k).Fill((byte)'0');
            return at + n - k;
        }

        if (0 < n && n <= 21)
        {
            // Decimal point inside the digits.
            digits[..n].CopyTo(destination[at..]);
            at += n;
            destination[at++] = (byte)'.';
            digits[n..].CopyTo(destination[at..]);
            return at + k - n;
        }

        if (-6 < n && n <= 0)
        {
            // "0." then -n zeros then the digits.
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            destination.Slice(at, -n).Fill((byte)'0');
            at += -n;
            digits.CopyTo(destination[at..]);
            return at + k;
        }

        // Exponential: d[.ddd]e±(n-1).
        destination[at++] = digits[0];
        if (k > 1)
        {
            destination[at++] = (byte)'.';
            digits[1..].CopyTo(destination[at..]);
            at += k - 1;
        }

        destination[at++] = (byte)'e';
        var e = n - 1;
        destination[at++] = e < 0 ? (byte)'-' : (byte)'+';
        Math.Abs(e).TryFormat(destination[at..], out var written, default, CultureInfo.InvariantCulture);
        return at + written;
    }
}
