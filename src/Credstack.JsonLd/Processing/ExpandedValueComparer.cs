using System.Text.Json;
using JsonMap = System.Collections.Generic.Dictionary<string, object?>;

namespace Credstack.JsonLd.Processing;

/// <summary>
/// Deep equality of expanded-form values with a matching hash, so Node Map Generation can keep a
/// property's values unique in constant time per value instead of scanning the list (which made a
/// 1 MB array of strings take minutes).
/// </summary>
internal sealed class ExpandedValueComparer : IEqualityComparer<object>
{
    public static ExpandedValueComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => ExpandedForm.DeepEquals(x, y);

    public int GetHashCode(object obj) => Hash(obj, depth: 0);

    private static int Hash(object? value, int depth)
    {
        // Deep structures hash by shape only; equality still decides.
        if (depth > 8)
        {
            return 17;
        }

        switch (value)
        {
            case null:
                return 0;
            case string text:
                return StringComparer.Ordinal.GetHashCode(text);
            case bool flag:
                return flag ? 1 : 2;
            case double number:
                return number.GetHashCode();
            case JsonElement element:
                return (int)element.ValueKind;
            case JsonMap map:
                var mapHash = map.Count;
                foreach (var (key, item) in map)
                {
                    // Order-independent: maps compare by content.
                    mapHash = unchecked(mapHash + HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), Hash(item, depth + 1)));
                }

                return mapHash;
            case List<object?> list:
                var listHash = list.Count;
                foreach (var item in list)
                {
                    listHash = HashCode.Combine(listHash, Hash(item, depth + 1));
                }

                return listHash;
            default:
                return value.GetHashCode();
        }
    }
}
