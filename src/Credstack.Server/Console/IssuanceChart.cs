using System.Globalization;

namespace Credstack.Server.Console;

/// <summary>
/// The geometry of the dashboard's bar chart of awards per day, drawn as inline SVG by the page (no script):
/// one bar per day in a <see cref="Width"/> × <see cref="Height"/> view box, the tallest day reaching the top.
/// </summary>
internal sealed class IssuanceChart
{
    public const int Width = 640;
    public const int Height = 180;
    public const int Left = 36;
    public const int Bottom = 22;

    public IssuanceChart(IReadOnlyList<DailyCount> days)
    {
        Days = days;
        Total = days.Sum(d => d.Count);
        // A round scale top (1, 2, 5, 10, 20, ...) so the axis labels read well.
        var max = days.Count == 0 ? 0 : days.Max(d => d.Count);
        Scale = 1;
        while (Scale < max)
        {
            Scale = NextStep(Scale);
        }

        var plot = Width - Left;
        var slot = days.Count == 0 ? plot : (double)plot / days.Count;
        Bars = [.. days.Select((d, i) =>
        {
            var height = (double)(Height - Bottom - 8) * d.Count / Scale;
            return new Bar(d, Left + (i * slot) + (slot * 0.15), Height - Bottom - height, slot * 0.7, height);
        })];
    }

    public IReadOnlyList<DailyCount> Days { get; }

    public long Total { get; }

    /// <summary>The value at the top of the axis.</summary>
    public long Scale { get; }

    public IReadOnlyList<Bar> Bars { get; }

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static long NextStep(long value)
    {
        var magnitude = 1L;
        while (magnitude * 10 <= value)
        {
            magnitude *= 10;
        }

        var lead = value / magnitude;
        return lead < 2 ? 2 * magnitude : lead < 5 ? 5 * magnitude : 10 * magnitude;
    }

    /// <summary>One day's bar, in view box units.</summary>
    internal sealed record Bar(DailyCount Day, double X, double Y, double Width, double Height);
}
