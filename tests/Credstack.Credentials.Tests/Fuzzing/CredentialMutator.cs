using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Credstack.Credentials.Tests.Fuzzing;

/// <summary>One mutated input and what was done to it (for the failure message).</summary>
internal sealed record Mutant(byte[] Bytes, string Description);

/// <summary>
/// Mutations of signed credentials: byte-level (bit flips, truncation, deleted, inserted and duplicated spans) and
/// JSON-aware (value type swaps, huge numbers, 10,000-level nesting, duplicate keys, unicode escapes, dropped,
/// inserted, reordered and swapped members, re-indentation). JSON-aware mutations that cannot be expressed through
/// a JSON tree (duplicate keys, raw numbers, deep nesting, escapes) are spliced in as text.
/// </summary>
internal static class CredentialMutator
{
    public const int DeepNesting = 10_000;

    private static readonly string[] HugeNumbers =
    [
        "1e400", "-1e400", "1e-400", "18446744073709551616", "-9223372036854775809", "9007199254740993",
        "123456789012345678901234567890.5", "0.00000000000000000000000000000000000001", "-0", "1E+308", "4.9e-324",
    ];

    private static readonly string[] InsertedNames =
    [
        "id", "type", "@context", "proof", "issuer", "@id", "@type", "validFrom", "credentialSubject", "extra", "@graph", "@included", "\u0000",
    ];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static Mutant MutateBytes(byte[] original, FuzzRandom random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(6))
        {
            case 0:
            case 1:
                {
                    var flips = 1 + random.Next(4);
                    var where = new List<string>();
                    for (var i = 0; i < flips; i++)
                    {
                        var position = random.Next(bytes.Length);
                        var bit = 1 << random.Next(8);
                        bytes[position] ^= (byte)bit;
                        where.Add(position.ToString(CultureInfo.InvariantCulture) + "^0x" + bit.ToString("x2", CultureInfo.InvariantCulture));
                    }

                    return new(bytes, "bit flips at " + string.Join(", ", where));
                }

            case 2:
                {
                    var length = random.Next(bytes.Length);
                    return new(bytes[..length], $"truncated to {length} of {bytes.Length} bytes");
                }

            case 3:
                {
                    var start = random.Next(bytes.Length);
                    var count = 1 + random.Next(Math.Min(64, bytes.Length - start));
                    return new([.. bytes[..start], .. bytes[(start + count)..]], $"deleted {count} bytes at {start}");
                }

            case 4:
                {
                    var start = random.Next(bytes.Length + 1);
                    var inserted = random.Bytes(1 + random.Next(16));
                    return new([.. bytes[..start], .. inserted, .. bytes[start..]], $"inserted {inserted.Length} random bytes at {start}");
                }

            default:
                {
                    var start = random.Next(bytes.Length);
                    var count = 1 + random.Next(Math.Min(256, bytes.Length - start));
                    var at = random.Next(bytes.Length + 1);
                    return new([.. bytes[..at], .. bytes.AsSpan(start, count), .. bytes[at..]], $"copied {count} bytes from {start} to {at}");
                }
        }
    }

    /// <summary>A JSON-aware mutation of a JSON object document; the description names the operation and the path.</summary>
    public static Mutant MutateJson(string json, FuzzRandom random)
    {
        var root = JsonNode.Parse(json)!;
        var positions = new List<Position>();
        Collect(root, "$", positions);
        var target = random.Pick(positions);
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        string description;
        var indent = false;

        switch (random.Next(11))
        {
            case 0:
                description = $"type swap at {target.Path}: {Kind(target.Node)} -> ";
                var replacement = SwapType(target.Node, random);
                description += Kind(replacement);
                Replace(root, target, replacement);
                break;
            case 1:
                {
                    var number = random.Pick(HugeNumbers);
                    description = $"huge number {number} at {target.Path}";
                    Replace(root, target, Raw(raw, number));
                    break;
                }

            case 2:
                {
                    var objects = random.Chance(50);
                    description = $"{DeepNesting:N0}-level nested {(objects ? "objects" : "arrays")} at {target.Path}";
                    var text = objects
                        ? string.Concat(Enumerable.Repeat("{\"a\":", DeepNesting)) + "1" + new string('}', DeepNesting)
                        : new string('[', DeepNesting) + "1" + new string(']', DeepNesting);
                    Replace(root, target, Raw(raw, text));
                    break;
                }

            case 3:
                description = DuplicateKey(root, positions, random, raw);
                break;
            case 4:
                description = UnicodeEscape(root, positions, random, raw);
                break;
            case 5:
                description = $"dropped {target.Path}";
                Remove(root, target);
                break;
            case 6:
                {
                    var owner = random.Pick(positions.Where(p => p.Node is JsonObject).ToList());
                    var name = random.Pick(InsertedNames);
                    var value = SwapType(null, random);
                    var obj = (JsonObject)owner.Node!;
                    obj.Remove(name);
                    obj[name] = value;
                    description = $"inserted member '{Printable(name)}' ({Kind(value)}) into {owner.Path}";
                    break;
                }

            case 7:
                {
                    var owner = random.Pick(positions.Where(p => p.Node is JsonObject).ToList());
                    var obj = (JsonObject)owner.Node!;
                    var members = obj.ToList();
                    obj.Clear();
                    foreach (var member in Enumerable.Reverse(members))
                    {
                        obj[member.Key] = member.Value;
                    }

                    description = $"reversed member order of {owner.Path}";
                    break;
                }

            case 8:
                {
                    var other = random.Pick(positions);
                    description = $"swapped values of {target.Path} and {other.Path}";
                    if (other.Path != target.Path && !target.Path.StartsWith(other.Path, StringComparison.Ordinal) && !other.Path.StartsWith(target.Path, StringComparison.Ordinal))
                    {
                        var a = target.Node?.DeepClone();
                        var b = other.Node?.DeepClone();
                        Replace(root, target, b);
                        Replace(root, other, a);
                    }

                    break;
                }

            case 9:
                description = "re-indented (whitespace only)";
                indent = true;
                break;
            default:
                {
                    var strings = positions.Where(p => p.Node is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
                    var chosen = random.Pick(strings.Count > 0 ? strings : positions);
                    var text = chosen.Node is JsonValue v2 && v2.GetValueKind() == JsonValueKind.String ? v2.GetValue<string>() : "";
                    var changed = text.Length == 0 ? "x" : text.Remove(random.Next(text.Length), 1).Insert(random.Next(text.Length), ((char)('!' + random.Next(90))).ToString());
                    Replace(root, chosen, JsonValue.Create(changed));
                    description = $"changed one character of the string at {chosen.Path}";
                    break;
                }
        }

        var serialized = root.ToJsonString(indent ? Indented : Relaxed);
        foreach (var (placeholder, text) in raw)
        {
            serialized = serialized.Replace(placeholder, text, StringComparison.Ordinal);
        }

        return new(Encoding.UTF8.GetBytes(serialized), "json: " + description);
    }

    private static string DuplicateKey(JsonNode root, List<Position> positions, FuzzRandom random, Dictionary<string, string> raw)
    {
        var owners = positions.Where(p => p.Node is JsonObject o && o.Count > 0).ToList();
        var owner = random.Pick(owners);
        var obj = (JsonObject)owner.Node!;
        var name = random.Pick(obj.Select(m => m.Key).ToList());
        var value = SwapType(obj[name], random);
        var marker = "__fuzz_dup_" + raw.Count.ToString(CultureInfo.InvariantCulture) + "__";
        var valueText = value?.ToJsonString(Relaxed) ?? "null";

        // The duplicate goes first or last, so parsers that keep the first and parsers that keep the last disagree.
        if (random.Chance(50))
        {
            obj[marker] = "x";
            raw["\"" + marker + "\":\"x\""] = JsonSerializer.Serialize(name, Relaxed) + ":" + valueText;
        }
        else
        {
            var members = obj.ToList();
            obj.Clear();
            obj[marker] = "x";
            foreach (var member in members)
            {
                obj[member.Key] = member.Value;
            }

            raw["\"" + marker + "\":\"x\""] = JsonSerializer.Serialize(name, Relaxed) + ":" + valueText;
        }

        return $"duplicate key '{Printable(name)}' in {owner.Path}";
    }

    private static string UnicodeEscape(JsonNode root, List<Position> positions, FuzzRandom random, Dictionary<string, string> raw)
    {
        var strings = positions.Where(p => p.Node is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
        if (strings.Count == 0)
        {
            return "unicode escape skipped (no strings)";
        }

        var target = random.Pick(strings);
        var text = target.Node!.GetValue<string>();
        var builder = new StringBuilder("\"");
        string kind;
        switch (random.Next(4))
        {
            case 0:
                // Same string, every character escaped: the parsed value (and the canonical form) is unchanged.
                foreach (var c in text)
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                }

                kind = "all characters as \\u escapes";
                break;
            case 1:
                builder.Append(JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value).Append("\\ud800");
                kind = "lone surrogate appended";
                break;
            case 2:
                builder.Append("\\u0000").Append(JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value);
                kind = "NUL prepended";
                break;
            default:
                builder.Append(JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value).Append("\\u200b\\ufeff\\u0301");
                kind = "zero-width, BOM and combining characters appended";
                break;
        }

        builder.Append('"');
        Replace(root, target, Raw(raw, builder.ToString()));
        return $"unicode escape ({kind}) at {target.Path}";
    }

    private static JsonNode? SwapType(JsonNode? current, FuzzRandom random)
    {
        var currentKind = current is null ? JsonValueKind.Null : current.GetValueKind();
        while (true)
        {
            JsonNode? candidate = random.Next(9) switch
            {
                0 => null,
                1 => JsonValue.Create(random.Chance(50)),
                2 => JsonValue.Create(random.Next(1000) - 500),
                3 => JsonValue.Create(2.5),
                4 => JsonValue.Create("fuzz"),
                5 => JsonValue.Create(""),
                6 => new JsonArray { current?.DeepClone() },
                7 => new JsonObject { ["@value"] = current?.DeepClone() },
                _ => new JsonObject(),
            };
            var kind = candidate is null ? JsonValueKind.Null : candidate.GetValueKind();
            if (kind != currentKind || (kind is JsonValueKind.True or JsonValueKind.False) != (currentKind is JsonValueKind.True or JsonValueKind.False))
            {
                return candidate;
            }
        }
    }

    private static JsonValue Raw(Dictionary<string, string> raw, string text)
    {
        var marker = "__fuzz_raw_" + raw.Count.ToString(CultureInfo.InvariantCulture) + "__";
        raw["\"" + marker + "\""] = text;
        return JsonValue.Create(marker);
    }

    private static void Collect(JsonNode? node, string path, List<Position> positions)
    {
        positions.Add(new Position(node, path));
        switch (node)
        {
            case JsonObject obj:
                foreach (var member in obj)
                {
                    Collect(member.Value, path + "." + member.Key, positions);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Collect(array[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", positions);
                }

                break;
        }
    }

    private static void Replace(JsonNode root, Position position, JsonNode? replacement)
    {
        if (position.Node is null && position.Path == "$")
        {
            return;
        }

        var (parent, key, index) = Locate(root, position);
        if (parent is JsonObject obj)
        {
            obj[key!] = replacement;
        }
        else if (parent is JsonArray array)
        {
            array[index] = replacement;
        }
    }

    private static void Remove(JsonNode root, Position position)
    {
        var (parent, key, index) = Locate(root, position);
        if (parent is JsonObject obj)
        {
            obj.Remove(key!);
        }
        else if (parent is JsonArray array)
        {
            array.RemoveAt(index);
        }
    }

    /// <summary>The parent of a position found by walking its path again (nodes may have been replaced meanwhile).</summary>
    private static (JsonNode? Parent, string? Key, int Index) Locate(JsonNode root, Position position)
    {
        if (position.Path == "$")
        {
            return (null, null, -1);
        }

        JsonNode? parent = null;
        string? key = null;
        var index = -1;
        var node = root;
        foreach (var step in Steps(position.Path))
        {
            parent = node;
            if (step.Key is not null && node is JsonObject obj && obj.ContainsKey(step.Key))
            {
                key = step.Key;
                index = -1;
                node = obj[step.Key];
            }
            else if (step.Key is null && node is JsonArray array && step.Index < array.Count)
            {
                key = null;
                index = step.Index;
                node = array[step.Index];
            }
            else
            {
                return (null, null, -1);
            }
        }

        return (parent, key, index);
    }

    private static IEnumerable<(string? Key, int Index)> Steps(string path)
    {
        // Paths are built by Collect: ".name" and "[n]" steps; member names come from the signed original (no '.' or '[').
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                yield return (path[(i + 1)..end], -1);
                i = end;
            }
            else
            {
                var end = path.IndexOf(']', i);
                yield return (null, int.Parse(path.AsSpan(i + 1, end - i - 1), CultureInfo.InvariantCulture));
                i = end + 1;
            }
        }
    }

    private static string Kind(JsonNode? node) => node is null ? "null" : node.GetValueKind().ToString();

    private static string Printable(string name) => name.Replace("\u0000", "\\u0000", StringComparison.Ordinal);

    private sealed record Position(JsonNode? Node, string Path);
}
