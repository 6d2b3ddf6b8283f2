// The W3C RDF Dataset Canonicalization test suite (w3c/rdf-canon tests/manifest.jsonld), one
// case per manifest entry: eval tests compare the canonical N-Quads text exactly, map tests the
// issued identifiers map, and the negative test expects the poison-graph work bound to trip.
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Credstack.JsonLd.Canonicalization;
using Credstack.JsonLd.Rdf;

namespace Credstack.JsonLd.Tests.Canonicalization;

public sealed class RdfCanonSuiteTests
{
    private const string Suite = "rdf-canon";

    public static TheoryData<string> Entries()
    {
        var data = new TheoryData<string>();
        if (!Conformance.Has(Suite, "tests", "manifest.jsonld"))
        {
            data.Add("manifest-missing");
            return data;
        }

        foreach (var entry in Manifest().RootElement.GetProperty("entries").EnumerateArray())
        {
            data.Add(entry.GetProperty("id").GetString()!.TrimStart('#'));
        }

        return data;
    }

    [ConformanceTheory(Suite)]
    [MemberData(nameof(Entries))]
    public void Rdfc10_test_passes(string id)
    {
        using var manifest = Manifest();
        var entry = manifest.RootElement.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == "#" + id);
        var type = entry.GetProperty("type").GetString();
        var input = File.ReadAllText(TestFile(entry.GetProperty("action").GetString()!));
        var options = RdfCanonicalizerOptions.Default;
        if (entry.TryGetProperty("hashAlgorithm", out var algorithm))
        {
            Assert.Equal("SHA384", algorithm.GetString());
            options = options with { HashAlgorithm = HashAlgorithmName.SHA384 };
        }

        var canonicalizer = new RdfCanonicalizer(options);
        switch (type)
        {
            case "rdfc:RDFC10EvalTest":
                var expected = File.ReadAllText(TestFile(entry.GetProperty("result").GetString()!));
                var result = canonicalizer.Canonicalize(input);
                Assert.Equal(expected, result.CanonicalNQuads);

                // The string writer must agree with the UTF-8 form the canonicalizer hashes.
                Assert.Equal(expected, NQuadsWriter.Write(result.Quads));
                break;
            case "rdfc:RDFC10MapTest":
                using (var expectedMap = JsonDocument.Parse(File.ReadAllText(TestFile(entry.GetProperty("result").GetString()!))))
                {
                    var expectedPairs = expectedMap.RootElement.EnumerateObject()
                        .Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!))
                        .OrderBy(p => p.Key, StringComparer.Ordinal);
                    var actualPairs = canonicalizer.Canonicalize(input).IssuedIdentifiers.OrderBy(p => p.Key, StringComparer.Ordinal);
                    Assert.Equal(expectedPairs, actualPairs);
                }

                break;
            case "rdfc:RDFC10NegativeEvalTest":
                var clock = Stopwatch.StartNew();
                var error = Assert.Throws<JsonLdException>(() => canonicalizer.Canonicalize(input));
                Assert.Equal(JsonLdErrorCode.ResourceLimitExceeded, error.Code);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The poison graph took {clock.Elapsed} to be rejected.");
                break;
            default:
                Assert.Fail($"Unknown test type {type}.");
                break;
        }
    }

    private static JsonDocument Manifest() =>
        JsonDocument.Parse(File.ReadAllText(Conformance.PathOf(Suite, "tests", "manifest.jsonld")));

    private static string TestFile(string relative) => Conformance.PathOf(Suite, "tests", relative);
}
