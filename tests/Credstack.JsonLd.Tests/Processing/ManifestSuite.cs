using System.Text;
using System.Text.Json;
using Credstack.JsonLd.Rdf;

namespace Credstack.JsonLd.Tests.Processing;

/// <summary>
/// The expand and toRdf manifests of the W3C JSON-LD 1.1 API test suite, the exclusion list
/// (jsonld-exclusions.txt), and how to run one entry. Keys are "expand#t0001" / "toRdf#te001".
/// </summary>
internal static class ManifestSuite
{
    public static readonly string[] Manifests = ["expand", "toRdf"];

    private static readonly Lazy<SuiteDocumentLoader> Loader = new(() => new SuiteDocumentLoader(Conformance.PathOf("json-ld-api", "tests")));

    private static readonly Lazy<Dictionary<string, JsonElement>> Entries = new(LoadEntries);

    private static readonly Lazy<Dictionary<string, string>> ExclusionList = new(LoadExclusions);

    public static bool IsAvailable => Conformance.Has("json-ld-api", "tests", "expand-manifest.jsonld");

    public static IReadOnlyDictionary<string, string> Exclusions => ExclusionList.Value;

    /// <summary>The keys of a manifest's entries, in manifest order.</summary>
    public static IEnumerable<string> Keys(string manifest) =>
        Entries.Value.Keys.Where(k => k.StartsWith(manifest + "#", StringComparison.Ordinal));

    /// <summary>Why an entry is not run, or null when it is.</summary>
    public static string? SkipReason(string key)
    {
        var entry = Entries.Value[key];
        if (entry.TryGetProperty("option", out var option) && option.TryGetProperty("specVersion", out var version) && version.GetString() == "json-ld-1.0")
        {
            return "specVersion json-ld-1.0 only: a JSON-LD 1.1 processor does not run it.";
        }

        return Exclusions.TryGetValue(key, out var reason) ? "Excluded (jsonld-exclusions.txt): " + reason : null;
    }

    /// <summary>Runs one entry; returns null when it passes, otherwise what went wrong.</summary>
    public static string? Run(string key)
    {
        var entry = Entries.Value[key];
        var isToRdf = key.StartsWith("toRdf#", StringComparison.Ordinal);
        var types = entry.GetProperty("@type").EnumerateArray().Select(t => t.GetString()).ToList();
        var input = entry.GetProperty("input").GetString()!;
        var options = OptionsFor(entry, input);
        var document = Loader.Value.ReadJson(input);

        if (types.Contains("jld:NegativeEvaluationTest"))
        {
            var expectedCode = entry.GetProperty("expectErrorCode").GetString();
            try
            {
                _ = isToRdf ? (object)JsonLdProcessor.ToRdf(document, options) : JsonLdProcessor.Expand(document, options);
            }
            catch (JsonLdException e)
            {
                return e.Code == expectedCode ? null : $"Expected error \"{expectedCode}\" but got \"{e.Code}\": {e.Message}";
            }

            return $"Expected error \"{expectedCode}\" but processing succeeded.";
        }

        try
        {
            if (!isToRdf)
            {
                var actual = JsonLdProcessor.Expand(document, options);
                var actualElement = JsonDocument.Parse(actual.ToJsonString()).RootElement;
                var expected = Loader.Value.ReadJson(entry.GetProperty("expect").GetString()!);
                return ExpandedJsonComparer.AreEquivalent(expected, actualElement)
                    ? null
                    : $"Expanded output differs.\nExpected: {expected.GetRawText()}\nActual:   {actual.ToJsonString()}";
            }

            var quads = JsonLdProcessor.ToRdf(document, options);
            if (!entry.TryGetProperty("expect", out var expectPath))
            {
                return null;
            }

            var expectedText = File.ReadAllText(Conformance.PathOf("json-ld-api", "tests", expectPath.GetString()!), Encoding.UTF8);
            var expectedQuads = DatasetComparer.ParseNQuads(expectedText);
            return DatasetComparer.AreIsomorphic(expectedQuads, quads)
                ? null
                : $"Datasets differ.\nExpected:\n{expectedText}\nActual:\n{NQuadsWriter.Write(quads)}";
        }
        catch (JsonLdException e)
        {
            return $"Unexpected error \"{e.Code}\": {e.Message}";
        }
    }

    private static JsonLdOptions OptionsFor(JsonElement entry, string input)
    {
        var options = new JsonLdOptions { Base = SuiteDocumentLoader.BaseIri + input, DocumentLoader = Loader.Value };
        if (!entry.TryGetProperty("option", out var option))
        {
            return options;
        }

        if (option.TryGetProperty("base", out var baseIri))
        {
            options = options with { Base = baseIri.GetString() };
        }

        if (option.TryGetProperty("processingMode", out var mode) && mode.GetString() == "json-ld-1.0")
        {
            options = options with { ProcessingMode = JsonLdProcessingMode.JsonLd10 };
        }

        if (option.TryGetProperty("expandContext", out var expandContext))
        {
            options = options with { ExpandContext = Loader.Value.ReadJson(expandContext.GetString()!) };
        }

        if (option.TryGetProperty("rdfDirection", out var direction))
        {
            options = options with
            {
                RdfDirection = direction.GetString() == "i18n-datatype" ? RdfDirection.I18nDatatype : RdfDirection.CompoundLiteral,
            };
        }

        if (option.TryGetProperty("produceGeneralizedRdf", out var generalized) && generalized.GetBoolean())
        {
            options = options with { ProduceGeneralizedRdf = true };
        }

        return options;
    }

    private static Dictionary<string, JsonElement> LoadEntries()
    {
        var entries = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var manifest in Manifests)
        {
            var path = Conformance.PathOf("json-ld-api", "tests", manifest + "-manifest.jsonld");
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var entry in document.RootElement.GetProperty("sequence").EnumerateArray())
            {
                entries[manifest + entry.GetProperty("@id").GetString()] = entry.Clone();
            }
        }

        return entries;
    }

    private static Dictionary<string, string> LoadExclusions()
    {
        var exclusions = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(AppContext.BaseDirectory, "Processing", "jsonld-exclusions.txt");
        foreach (var rawLine in File.ReadAllLines(path))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.IndexOfAny([' ', '\t']);
            if (space < 0)
            {
                throw new InvalidOperationException($"An exclusion needs a reason: \"{line}\".");
            }

            exclusions.Add(line[..space], line[space..].Trim());
        }

        return exclusions;
    }
}
