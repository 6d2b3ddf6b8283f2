// The internal expanded form (see Expander) and its conversion to System.Text.Json.Nodes, plus the
// deep equality that Node Map Generation (JSON-LD 1.1 API §7.2.2) needs for "add if not already present".
using System.Text.Json;
using System.Text.Json.Nodes;
using JsonMap = System.Collections.Generic.Dictionary<string, object?>;

namespace Credstack.JsonLd.Processing;

/// <summary>Conversions and comparisons of expanded-form values.</summary>
internal static class ExpandedForm
{
    public static JsonArray ToJsonArray(List<object?> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(ToNode(item));
        }

        return array;
    }

    public static JsonNode? ToNode(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return JsonValue.Create(text);
            case bool flag:
                return JsonValue.Create(flag);
            case double number:
                // Integral values print as integers, as in the input ("5" rather than "5.0").
                return Math.Abs(number) < 9007199254740992d && Math.Floor(number) == number
                    ? JsonValue.Create((long)number)
                    : JsonValue.Create(number);
            case JsonElement element:
                return element.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(element.GetRawText());
            case JsonMap map:
                var obj = new JsonObject();
                foreach (var (key, item) in map)
                {
                    obj[key] = ToNode(item);
                }

                return obj;
            case List<object?> list:
                return ToJsonArray(list);
            default:
                throw new InvalidOperationException($"Unexpected value of type {value.GetType().Name} in expanded form.");
        }
    }

    public static bool DeepEquals(object? a, object? b)
    {
        switch (a)
        {
            case null:
                return b is null;
            case string text:
                return b is string other && string.Equals(text, other, StringComparison.Ordinal);
            case bool flag:
                return b is bool otherFlag && flag == otherFlag;
            case double number:
                return b is double otherNumber && number.Equals(otherNumber);
            case JsonElement element:
                return b is JsonElement otherElement && JsonElement.DeepEquals(element, otherElement);
            case JsonMap map:
                if (b is not JsonMap otherMap || map.Count != otherMap.Count)
                {
                    return false;
                }

                foreach (var (key, item) in map)
                {
                    if (!otherMap.TryGetValue(key, out var otherItem) || !DeepEquals(item, otherItem))
                    {
                        return false;
                    }
                }

                return true;
            case List<object?> list:
                if (b is not List<object?> otherList || list.Count != otherList.Count)
                {
                    return false;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    if (!DeepEquals(list[i], otherList[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }
}
