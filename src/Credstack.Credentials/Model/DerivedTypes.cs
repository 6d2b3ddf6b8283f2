// Open Badges 3.0 §B (data model), "Derived Types" and primitive types: the lexical rules of URI,
// DateTimeZ (xsd:dateTimeStamp: the zone is mandatory), DateTime (zone optional), Date, LanguageCode
// (the BCP 47 subset the 1EdTech JSON Schema accepts) and CompactJws (RFC 7515 §7.1).
using System.Globalization;
using System.Text.RegularExpressions;

namespace Credstack.Credentials.Model;

/// <summary>Syntax checks for the OB 3.0 derived types that are carried as JSON strings.</summary>
public static partial class DerivedTypes
{
    /// <summary>
    /// True when <paramref name="value"/> is an absolute URI (RFC 3986 §3: a scheme, ':' and a non-empty rest) with no
    /// whitespace, control characters or characters RFC 3987 excludes, and well-formed percent escapes. Non-ASCII letters
    /// are accepted (IRIs).
    /// </summary>
    public static bool IsUri(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || colon == value.Length - 1 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!char.IsAsciiLetterOrDigit(value[i]) && value[i] is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        for (var i = colon + 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c <= ' ' || c == '\u007f' || c is '<' or '>' or '"' or '{' or '}' or '|' or '\\' or '^' or '`' || char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return false;
            }

            if (c == '%' && (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for a DateTimeZ: <c>YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)</c> naming a real instant.</summary>
    public static bool IsDateTimeZ(string value) => TryParseDateTime(value, requireZone: true, out _);

    /// <summary>True for an OB DateTime: like <see cref="IsDateTimeZ"/> but the zone may be omitted.</summary>
    public static bool IsDateTime(string value) => TryParseDateTime(value, requireZone: false, out _);

    /// <summary>True for a calendar date <c>YYYY-MM-DD</c>.</summary>
    public static bool IsDate(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return DatePattern().IsMatch(value)
            && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>True for a language code in the form <c>ll[-Ssss][-RR|-nnn]</c> (e.g. <c>en</c>, <c>en-US</c>, <c>zh-Hant-TW</c>).</summary>
    public static bool IsLanguageCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return LanguagePattern().IsMatch(value);
    }

    /// <summary>True for a compact JWS: three base64url segments separated by dots (the payload may be empty).</summary>
    public static bool IsCompactJws(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return CompactJwsPattern().IsMatch(value);
    }

    /// <summary>
    /// Parses a DateTimeZ (or, with <paramref name="requireZone"/> false, a DateTime whose missing zone is read as UTC).
    /// </summary>
    public static bool TryParseDateTime(string value, bool requireZone, out DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(value);
        instant = default;
        var match = DateTimePattern().Match(value);
        if (!match.Success || (requireZone && !match.Groups["zone"].Success))
        {
            return false;
        }

        var styles = match.Groups["zone"].Success ? DateTimeStyles.None : DateTimeStyles.AssumeUniversal;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, styles | DateTimeStyles.AdjustToUniversal, out instant);
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(?<zone>Z|[+-][0-9]{2}:[0-9]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"^[a-zA-Z0-9_-]+\.[a-zA-Z0-9_-]*\.[a-zA-Z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactJwsPattern();
}
