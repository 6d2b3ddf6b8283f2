// XML Schema 1.1 dateTimeStamp, as Data Integrity 1.0 §2.1 requires for created and expires: a dateTime with a
// mandatory time zone ("Z" or ±hh:mm).
using System.Globalization;

namespace Credstack.Credentials.DataIntegrity;

/// <summary>Writes and reads the <c>created</c> / <c>expires</c> timestamps of proofs.</summary>
internal static class DateTimeStamp
{
    /// <summary>UTC, to the second, with <c>Z</c>: the form the W3C vectors use.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses a dateTimeStamp; false when the text is not one (no time zone, wrong shape).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || text.Length < 20 || text.Length > 40 || text[4] != '-' || text[7] != '-' || text[10] != 'T')
        {
            return false;
        }

        var zone = text[^1] == 'Z' || (text.Length >= 25 && (text[^6] == '+' || text[^6] == '-') && text[^3] == ':');
        return zone && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }
}
