using System.Collections.Concurrent;
using System.Text.Json;
using Credstack.JsonLd.Contexts;

namespace Credstack.JsonLd.Tests.Contexts;

public sealed class PinnedContextLoaderTests
{
    private const string CredentialsV2 = "https://www.w3.org/ns/credentials/v2";

    [Fact]
    public void Load_serves_a_pinned_context_with_its_url_and_the_json_ld_media_type()
    {
        var document = PinnedContextLoader.Default.Load(new Uri(CredentialsV2));

        Assert.Equal(CredentialsV2, document.DocumentUrl);
        Assert.Equal("application/ld+json", document.ContentType);
        Assert.Null(document.ContextUrl);
        Assert.True(document.Document.GetProperty("@context").GetProperty("@protected").GetBoolean());
    }

    [Fact]
    public void Load_refuses_an_unknown_url_with_loading_document_failed_and_says_why()
    {
        var error = Assert.Throws<JsonLdException>(() => PinnedContextLoader.Default.Load(new Uri("https://example.org/evil-context.jsonld")));

        Assert.Equal(JsonLdErrorCode.LoadingDocumentFailed, error.Code);
        Assert.Contains("https://example.org/evil-context.jsonld is not a pinned context", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not fetch remote contexts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.w3.org/ns/credentials/v2/")]
    [InlineData("http://www.w3.org/ns/credentials/v2")]
    [InlineData("https://www.w3.org/ns/credentials/v2#")]
    [InlineData("https://www.w3.org/ns/credentials/v2.jsonld")]
    [InlineData("https://w3id.org/security/v1/")]
    [InlineData("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.0.json")]
    [InlineData("http://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")]
    public void Load_matches_urls_exactly_without_trailing_slash_fragment_or_scheme_folding(string url)
    {
        Assert.False(PinnedContextLoader.Default.TryLoad(new Uri(url), out _));
        Assert.Throws<JsonLdException>(() => PinnedContextLoader.Default.Load(new Uri(url)));
    }

    [Theory]
    [InlineData("http://w3id.org/security/v2", "https://w3id.org/security/v2")]
    [InlineData("http://w3id.org/openbadges/v2", "https://w3id.org/openbadges/v2")]
    [InlineData("https://openbadgespec.org/v2/context.json", "https://w3id.org/openbadges/v2")]
    public void Load_serves_a_listed_alias_under_the_canonical_url(string alias, string canonical)
    {
        var viaAlias = PinnedContextLoader.Default.Load(new Uri(alias));
        var direct = PinnedContextLoader.Default.Load(new Uri(canonical));

        Assert.Equal(canonical, viaAlias.DocumentUrl);
        Assert.True(JsonElement.DeepEquals(direct.Document, viaAlias.Document));
    }

    [Fact]
    public void Load_accepts_a_url_whose_scheme_and_host_differ_only_in_case()
    {
        var document = PinnedContextLoader.Default.Load(new Uri("HTTPS://WWW.W3.ORG/ns/credentials/v2"));

        Assert.Equal(CredentialsV2, document.DocumentUrl);
    }

    [Fact]
    public void A_context_is_parsed_once_and_shared_by_concurrent_readers()
    {
        var store = PinnedContextStore.Embedded;
        var seen = new ConcurrentBag<PinnedContext>();

        Parallel.For(0, 64, _ =>
        {
            Assert.True(store.TryGet("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", out var context));
            seen.Add(context);
        });

        var first = seen.First();
        Assert.All(seen, context => Assert.Same(first, context));
    }

    [Fact]
    public void An_alias_shares_the_parsed_document_of_its_canonical_url()
    {
        Assert.True(PinnedContextStore.Embedded.TryGet("https://w3id.org/security/v1", out var canonical));
        Assert.True(PinnedContextStore.Embedded.TryGet("http://w3id.org/security/v1", out var alias));

        Assert.Same(canonical, alias);
    }

    [Fact]
    public void WithDocuments_adds_a_document_without_changing_the_default_loader()
    {
        var url = "https://example.org/contexts/extra/v1";
        var extra = Parse("""{"@context":{"extra":"https://example.org/vocab#extra"}}""");

        var loader = PinnedContextLoader.Default.WithDocuments(new Dictionary<string, JsonElement> { [url] = extra });

        Assert.Equal(url, loader.Load(new Uri(url)).DocumentUrl);
        Assert.Equal(CredentialsV2, loader.Load(new Uri(CredentialsV2)).DocumentUrl);
        Assert.False(PinnedContextLoader.Default.TryLoad(new Uri(url), out _));
    }

    [Fact]
    public void WithDocuments_refuses_to_replace_a_pinned_context_with_a_different_document()
    {
        var swapped = Parse("""{"@context":{"issuer":"https://attacker.example/issuer"}}""");

        var error = Assert.Throws<ArgumentException>(() =>
            PinnedContextLoader.Default.WithDocuments(new Dictionary<string, JsonElement> { [CredentialsV2] = swapped }));

        Assert.Contains(CredentialsV2, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithDocuments_accepts_a_json_equal_copy_of_a_pinned_context()
    {
        var copy = PinnedContextLoader.Default.Load(new Uri(CredentialsV2)).Document;

        var loader = PinnedContextLoader.Default.WithDocuments(new Dictionary<string, JsonElement> { [CredentialsV2] = copy });

        Assert.Equal(CredentialsV2, loader.Load(new Uri(CredentialsV2)).DocumentUrl);
    }

    [Fact]
    public void WithDocuments_refuses_a_relative_url()
    {
        Assert.Throws<ArgumentException>(() =>
            PinnedContextLoader.Default.WithDocuments(new Dictionary<string, JsonElement> { ["contexts/v1"] = Parse("{}") }));
    }

    [Fact]
    public void WithDocumentMap_reads_files_relative_to_the_map()
    {
        var folder = Directory.CreateTempSubdirectory("credstack-map-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "docs"));
            File.WriteAllText(Path.Combine(folder.FullName, "docs", "a.json"), """{"@context":{"a":"https://example.org/a"}}""");
            File.WriteAllText(Path.Combine(folder.FullName, "map.json"), """{"https://example.org/a/v1":"docs/a.json"}""");

            var loader = PinnedContextLoader.Default.WithDocumentMap(Path.Combine(folder.FullName, "map.json"));

            var document = loader.Load(new Uri("https://example.org/a/v1")).Document;
            Assert.Equal("https://example.org/a", document.GetProperty("@context").GetProperty("a").GetString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("""["not","an","object"]""", "must be a JSON object")]
    [InlineData("""{"https://example.org/a":42}""", "must be a file path")]
    [InlineData("""{"https://example.org/a":"missing.json"}""", "cannot be read")]
    [InlineData("""{not json""", "is not valid JSON")]
    public void WithDocumentMap_reports_a_bad_map_as_loading_document_failed(string map, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("credstack-map-");
        try
        {
            var path = Path.Combine(folder.FullName, "map.json");
            File.WriteAllText(path, map);

            var error = Assert.Throws<JsonLdException>(() => PinnedContextLoader.Default.WithDocumentMap(path));

            Assert.Equal(JsonLdErrorCode.LoadingDocumentFailed, error.Code);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void WithoutExamples_drops_the_examples_contexts_and_keeps_the_rest()
    {
        var store = PinnedContextStore.Embedded.WithoutExamples();

        Assert.False(store.Contains("https://www.w3.org/2018/credentials/examples/v1"));
        Assert.False(store.Contains("https://www.w3.org/ns/credentials/examples/v2"));
        Assert.True(store.Contains(CredentialsV2));
        Assert.DoesNotContain(store.Manifest, entry => entry.IsExample);
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
