using System.Text.Json;
using Credstack.JsonLd.Contexts;

namespace Credstack.JsonLd.Tests.Contexts;

/// <summary>
/// Each embedded context against the independently collected copy in
/// ../shared/conformance/contexts (W3C and 1EdTech repositories, see its README).
/// </summary>
public sealed class PinnedContextConformanceTests
{
    // Files whose bytes differ from the shared copy while the JSON is equal, and why. A file that
    // becomes byte-equal, or a new difference, fails the test so this list stays true.
    private static readonly Dictionary<string, string> KnownByteDifferences = new(StringComparer.Ordinal)
    {
        ["credentials-v1.jsonld"] = "npm @digitalbazaar/credentials-context lays the JSON out differently (line breaks) from the w3c/vc-data-model copy",
        ["credentials-v2.jsonld"] = "npm @digitalbazaar/credentials-context lays the JSON out differently (line breaks) from the w3c/vc-data-model copy",
        ["credentials-examples-v1.jsonld"] = "the npm package orders the keys differently from the w3c/vc-data-model copy",
        ["multikey-v1.jsonld"] = "whitespace only (no final newline in the npm file)",
        ["security-v1.jsonld"] = "npm security-context ships a JSON file; the shared copy is the serialized module export of @digitalbazaar/security-context",
        ["security-v2.jsonld"] = "npm security-context ships a JSON file; the shared copy is the serialized module export of @digitalbazaar/security-context",
        ["bitstring-status-list-v1.jsonld"] = "the npm package lays the JSON out differently from the w3c/vc-bitstring-status-list copy",
        ["status-list-2021-v1.jsonld"] = "whitespace only (no final newline in the npm file)",
        ["ob-v2p0-context.json"] = "npm @blockcerts/schemas lays the JSON out differently from the 1EdTech validator copy",
        ["ob-v3p0-context-3.0.0.json"] = "the npm package ships a JavaScript module, serialized here with 2-space indentation",
        ["ob-v3p0-context-3.0.1.json"] = "the npm package ships a JavaScript module, serialized here with 2-space indentation",
        ["ob-v3p0-extensions.json"] = "the npm package ships a JavaScript module, serialized here with 2-space indentation",
    };

    [ConformanceFact("contexts", "index.json")]
    public void Every_embedded_context_equals_the_shared_copy_as_bytes_or_as_json()
    {
        var index = ReadIndex();
        var problems = new List<string>();
        var byteDifferences = new List<string>();
        foreach (var entry in PinnedContextStore.ReadEmbeddedManifest())
        {
            if (!index.TryGetValue(entry.Url, out var sharedFile))
            {
                problems.Add($"{entry.Url} has no shared copy");
                continue;
            }

            var embedded = PinnedContextStore.ReadEmbeddedBytes(entry.File);
            var shared = File.ReadAllBytes(Conformance.PathOf("contexts", sharedFile));
            if (embedded.AsSpan().SequenceEqual(shared))
            {
                continue;
            }

            byteDifferences.Add(entry.File);
            if (!JsonElement.DeepEquals(Parse(embedded), Parse(shared)))
            {
                problems.Add($"{entry.File} is not JSON-equal to {sharedFile}");
            }
        }

        Assert.Empty(problems);
        Assert.Equal(KnownByteDifferences.Keys.Order(StringComparer.Ordinal), byteDifferences.Order(StringComparer.Ordinal));
    }

    [ConformanceTheory("contexts", "index.json")]
    [InlineData("https://purl.imsglobal.org/spec/clr/v2p0/context.json")]
    [InlineData("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json")]
    [InlineData("https://www.w3.org/ns/credentials/examples/v2")]
    public void A_context_written_from_its_specification_is_json_equal_to_the_reference_copy(string url)
    {
        var entry = PinnedContextStore.ReadEmbeddedManifest().Single(e => e.Url == url);
        Assert.Equal("specification", entry.Source);

        var reference = Parse(File.ReadAllBytes(Conformance.PathOf("contexts", ReadIndex()[url])));
        var embedded = PinnedContextLoader.Default.Load(new Uri(url)).Document;

        Assert.True(JsonElement.DeepEquals(reference, embedded), $"{url} differs from the reference copy");
    }

    [ConformanceFact("contexts", "index.json")]
    public void The_conformance_index_can_be_added_to_the_default_loader_because_every_shared_copy_agrees()
    {
        var loader = PinnedContextLoader.Default.WithDocumentMap(Conformance.PathOf("contexts", "index.json"));

        Assert.Equal("https://w3id.org/citizenship/v4rc1", loader.Load(new Uri("https://w3id.org/citizenship/v4rc1")).DocumentUrl);
    }

    [Fact]
    public void The_json_comparison_ignores_key_order_but_sees_a_changed_value()
    {
        var document = Parse("""{"@context":{"a":"https://example.org/a","b":{"@id":"https://example.org/b"}}}"""u8.ToArray());
        var reordered = Parse("""{"@context":{"b":{"@id":"https://example.org/b"},"a":"https://example.org/a"}}"""u8.ToArray());
        var changed = Parse("""{"@context":{"a":"https://example.org/a","b":{"@id":"http://example.org/b"}}}"""u8.ToArray());

        Assert.True(JsonElement.DeepEquals(document, reordered));
        Assert.False(JsonElement.DeepEquals(document, changed));
    }

    private static Dictionary<string, string> ReadIndex()
    {
        var index = Parse(File.ReadAllBytes(Conformance.PathOf("contexts", "index.json")));
        return index.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    private static JsonElement Parse(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.Clone();
    }
}
