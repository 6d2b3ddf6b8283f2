using System.Text.Json;

namespace Credstack.Credentials.Tests.Model;

/// <summary>Compares JSON by meaning: object members in any order, numbers by value, everything else exactly.</summary>
internal static class JsonSemantics
{
    /// <summary>The first difference as a path and a reason, or null when equal.</summary>
    public static string? Difference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: {expected.ValueKind} became {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                if (!expectedNames.SequenceEqual(actualNames, StringComparer.Ordinal))
                {
                    return $"{path}: members [{string.Join(",", expectedNames)}] became [{string.Join(",", actualNames)}]";
                }

                foreach (var property in expected.EnumerateObject())
                {
                    var difference = Difference(property.Value, actual.GetProperty(property.Name), path + "." + property.Name);
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: {expected.GetArrayLength()} items became {actual.GetArrayLength()}";
                }

                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    var difference = Difference(expected[i], actual[i], $"{path}[{i}]");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.Number:
                return expected.GetDecimal() == actual.GetDecimal() ? null : $"{path}: {expected} became {actual}";
            case JsonValueKind.String:
                return string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal) ? null : $"{path}: '{expected.GetString()}' became '{actual.GetString()}'";
            default:
                return null;
        }
    }
}
