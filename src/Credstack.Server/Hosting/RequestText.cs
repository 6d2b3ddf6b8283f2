namespace Credstack.Server.Hosting;

/// <summary>
/// Text from a request never holds a NUL character: PostgreSQL <c>text</c> cannot store one (the statement fails, a 500),
/// while SQLite would keep it silently, so the same request would be answered differently by the two databases. It is
/// refused where text enters: JSON strings (<see cref="StorableStringConverter"/>), query strings
/// (<see cref="QueryTextMiddleware"/>), form values (<see cref="FormBody"/>) and the few places that read raw JSON or
/// headers themselves. (Kestrel already refuses a NUL in the path.)
/// </summary>
internal static class RequestText
{
    public const string NulMessage = "Text in a request may not contain a NUL character (U+0000).";

    public static bool IsStorable(string? value) => value is null || !value.Contains('\0', StringComparison.Ordinal);
}
