using System.Globalization;
using System.Text.Json;
using Credstack.Credentials.DataIntegrity;

namespace Credstack.Credentials.Verification;

/// <summary>Tolerant reads of credential properties: wrong shapes give null, never an exception.</summary>
internal static class JsonRead
{
    public const string Vc2Context = "https://www.w3.org/ns/credentials/v2";
    public const string Vc11Context = "https://www.w3.org/2018/credentials/v1";

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    /// <summary>The id of a property that is a string (an IRI) or an object with an <c>id</c>.</summary>
    public static string? EntityId(JsonElement element, string name) =>
        Property(element, name) is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : String(value, "id")
            : null;

    /// <summary>A single value or an array, as a list (an absent property is empty).</summary>
    public static List<JsonElement> Items(JsonElement? value) =>
        value is not { } v ? []
        : v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()]
        : [v];

    public static List<string> Strings(JsonElement? value) =>
        [.. Items(value).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];

    public static List<string> Types(JsonElement element) => Strings(Property(element, "type"));

    public static bool HasType(JsonElement element, string type) => Types(element).Contains(type, StringComparer.Ordinal);

    /// <summary>The first subject (credentialSubject may be an object or an array of them).</summary>
    public static JsonElement? Subject(JsonElement credential) =>
        Items(Property(credential, "credentialSubject")).FirstOrDefault(e => e.ValueKind == JsonValueKind.Object) is { ValueKind: JsonValueKind.Object } s ? s : null;

    public static List<string> Contexts(JsonElement credential) => Strings(Property(credential, "@context"));

    public static string? DataModel(JsonElement credential)
    {
        var first = Items(Property(credential, "@context")).FirstOrDefault();
        return first.ValueKind != JsonValueKind.String ? null
            : first.ValueEquals(Vc2Context) ? "2.0"
            : first.ValueEquals(Vc11Context) ? "1.1"
            : null;
    }

    /// <summary>A date-time property: (found, parsed). Found but unparseable gives (true, null).</summary>
    public static (bool Found, DateTimeOffset? Value) Date(JsonElement element, string name)
    {
        if (Property(element, name) is not { } value)
        {
            return (false, null);
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            if (DateTimeStamp.TryParse(text, out var stamp))
            {
                return (true, stamp);
            }

            // OB 2.0 allows ISO 8601 without a zone (read as UTC).
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return (true, parsed);
            }
        }

        return (true, null);
    }

    public static string Child(string path, string name) => path + "." + name;

    public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public static string Shorten(string? text, int max = 120) =>
        text is null ? "(none)" : text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
