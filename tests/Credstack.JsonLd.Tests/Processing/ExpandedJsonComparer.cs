using System.Text.Json;

namespace Credstack.JsonLd.Tests.Processing;

/// <summary>
/// Compares expanded JSON-LD as the test suite README says: arrays are unordered except @list values,
/// language tags compare case-insensitively, numbers compare by value.
/// </summary>
internal static class ExpandedJsonComparer
{
    public static bool AreEquivalent(JsonElement expected, JsonElement actual) => Equivalent(expected, actual, ordered: false, key: null);

    private static bool Equivalent(JsonElement a, JsonElement b, bool ordered, string? key)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return (a.ValueKind is JsonValueKind.True or JsonValueKind.False) && (b.ValueKind is JsonValueKind.True or JsonValueKind.False) && a.GetBoolean() == b.GetBoolean();
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var countA = 0;
                foreach (var property in a.EnumerateObject())
                {
                    countA++;
                    if (!b.TryGetProperty(property.Name, out var other) || !Equivalent(property.Value, other, property.Name == "@list", property.Name))
                    {
                        return false;
                    }
                }

                var countB = 0;
                foreach (var unused in b.EnumerateObject())
                {
                    countB++;
                }

                return countA == countB;
            case JsonValueKind.Array:
                var itemsA = a.EnumerateArray().ToList();
                var itemsB = b.EnumerateArray().ToList();
                if (itemsA.Count != itemsB.Count)
                {
                    return false;
                }

                if (ordered)
                {
                    for (var i = 0; i < itemsA.Count; i++)
                    {
                        if (!Equivalent(itemsA[i], itemsB[i], false, null))
                        {
                            return false;
                        }
                    }

                    return true;
                }

                var used = new bool[itemsB.Count];
                foreach (var item in itemsA)
                {
                    var matched = false;
                    for (var j = 0; j < itemsB.Count && !matched; j++)
                    {
                        if (!used[j] && Equivalent(item, itemsB[j], false, key))
                        {
                            used[j] = true;
                            matched = true;
                        }
                    }

                    if (!matched)
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Number:
                return a.GetDouble().Equals(b.GetDouble());
            case JsonValueKind.String:
                return string.Equals(a.GetString(), b.GetString(), key == "@language" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            default:
                return true;
        }
    }
}
