// ISO 8601-1:2019 §5.5.2.4 durations in the "PnYnMnDTnHnMnS" / "PnW" form, as used by
// xsd:duration. Only non-negative whole numbers: fractions and negative durations have no use
// in an expiry policy, and refusing them keeps "what date is P1.5M after this?" from arising.
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Credstack.Server.Achievements;

/// <summary>A calendar duration (years and months stay calendar units, so P1Y after 29 February is 28 February).</summary>
internal sealed partial record IsoDuration(int Years, int Months, int Weeks, int Days, int Hours, int Minutes, int Seconds)
{
    [GeneratedRegex(@"^P(?:(?<w>\d{1,4})W|(?:(?<y>\d{1,3})Y)?(?:(?<mo>\d{1,4})M)?(?:(?<d>\d{1,5})D)?(?:T(?:(?<h>\d{1,6})H)?(?:(?<mi>\d{1,7})M)?(?:(?<s>\d{1,9})S)?)?)$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, [NotNullWhen(true)] out IsoDuration? duration)
    {
        duration = null;
        if (text is null || text.Length > 40)
        {
            return false;
        }

        var match = Pattern().Match(text);
        // "P" and "PT" alone match the pattern but name no duration.
        if (!match.Success || text is "P" || text.EndsWith('T'))
        {
            return false;
        }

        static int Group(Match m, string name) => m.Groups[name].Success ? int.Parse(m.Groups[name].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        duration = new IsoDuration(Group(match, "y"), Group(match, "mo"), Group(match, "w"), Group(match, "d"), Group(match, "h"), Group(match, "mi"), Group(match, "s"));
        return duration.AddTo(DateTimeOffset.UnixEpoch) > DateTimeOffset.UnixEpoch;
    }

    public DateTimeOffset AddTo(DateTimeOffset start) => start
        .AddYears(Years).AddMonths(Months).AddDays((Weeks * 7L) + Days)
        .AddHours(Hours).AddMinutes(Minutes).AddSeconds(Seconds);
}
