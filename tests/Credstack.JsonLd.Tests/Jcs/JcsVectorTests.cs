// RFC 8785 test data from the RFC author's repository (cyberphone/json-canonicalization
// testdata/): six input/output pairs compared byte for byte (and against the hex dumps), and
// 10,000 ECMAScript number serializations.
using System.Globalization;
using System.Text.Json;
using Credstack.JsonLd.Jcs;

namespace Credstack.JsonLd.Tests.Jcs;

public sealed class JcsVectorTests
{
    private const string Suite = "jcs-rfc8785";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        if (!Conformance.Has(Suite, "testdata", "input"))
        {
            data.Add("testdata-missing");
            return data;
        }

        foreach (var file in Directory.GetFiles(Conformance.PathOf(Suite, "testdata", "input"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [ConformanceTheory(Suite)]
    [MemberData(nameof(Cases))]
    public void Canonicalizing_the_input_bytes_gives_the_expected_output_bytes(string name)
    {
        var input = File.ReadAllBytes(Conformance.PathOf(Suite, "testdata", "input", name + ".json"));
        var expected = File.ReadAllBytes(Conformance.PathOf(Suite, "testdata", "output", name + ".json"));

        Assert.Equal(expected, JsonCanonicalizer.Canonicalize(input));
    }

    [ConformanceTheory(Suite)]
    [MemberData(nameof(Cases))]
    public void Canonicalizing_the_parsed_element_gives_the_expected_hex_dump(string name)
    {
        var input = File.ReadAllBytes(Conformance.PathOf(Suite, "testdata", "input", name + ".json"));
        var hex = File.ReadAllText(Conformance.PathOf(Suite, "testdata", "outhex", name + ".txt"));
        var expected = Convert.FromHexString(string.Concat(hex.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        using var document = JsonDocument.Parse(input);

        Assert.Equal(expected, JsonCanonicalizer.Canonicalize(document.RootElement));
    }

    [ConformanceFact(Suite)]
    public void All_10000_es6_number_vectors_format_as_ecmascript_does()
    {
        var lines = File.ReadAllLines(Conformance.PathOf(Suite, "testdata", "es6-numbers-10k.txt"));
        Assert.Equal(10_000, lines.Length);
        var failures = new List<string>();
        foreach (var line in lines)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var bits = ulong.Parse(line.AsSpan(0, comma), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            var value = BitConverter.UInt64BitsToDouble(bits);
            var expected = line[(comma + 1)..];
            var actual = EcmaScriptNumberFormatter.Format(value);
            if (actual != expected)
            {
                failures.Add($"{line} -> {actual}");
            }
        }

        Assert.Empty(failures);
    }

    [ConformanceFact(Suite)]
    public void Es6_number_vectors_also_hold_when_the_number_goes_through_a_json_text()
    {
        // Exercises the JSON number path (parse, then format) rather than the formatter alone.
        var lines = File.ReadAllLines(Conformance.PathOf(Suite, "testdata", "es6-numbers-10k.txt"));
        foreach (var line in lines.Take(2_000))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var expected = line[(comma + 1)..];
            var json = System.Text.Encoding.ASCII.GetBytes("[" + expected + "]");
            Assert.Equal("[" + expected + "]", JsonCanonicalizer.CanonicalizeToString(json));
        }
    }
}
