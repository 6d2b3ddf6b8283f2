using System.Security.Cryptography;
using System.Text.Json;
using Credstack.JsonLd.Contexts;

namespace Credstack.JsonLd.Tests.Contexts;

public sealed class PinnedContextManifestTests
{
    private static readonly IReadOnlyList<ContextManifestEntry> Manifest = PinnedContextStore.ReadEmbeddedManifest();

    public static TheoryData<string> Files() => [.. Manifest.Select(entry => entry.File)];

    public static TheoryData<string> AllUrls() => [.. Manifest.SelectMany(entry => entry.Aliases.Prepend(entry.Url))];

    [Theory]
    [MemberData(nameof(Files))]
    public void The_manifest_sha256_matches_the_embedded_bytes(string file)
    {
        var entry = Manifest.Single(e => e.File == file);
        var actual = Convert.ToHexStringLower(SHA256.HashData(PinnedContextStore.ReadEmbeddedBytes(file)));
        Assert.Equal(entry.Sha256, actual);
    }

    [Fact]
    public void The_manifest_lists_every_embedded_document_and_every_listed_document_is_embedded()
    {
        var embedded = PinnedContextStore.EmbeddedDocumentFiles().Order(StringComparer.Ordinal);
        var listed = Manifest.Select(entry => entry.File).Order(StringComparer.Ordinal);
        Assert.Equal(listed, embedded);
    }

    [Fact]
    public void The_manifest_names_each_url_and_file_once()
    {
        var urls = Manifest.SelectMany(entry => entry.Aliases.Prepend(entry.Url)).ToList();
        Assert.Equal(urls.Count, urls.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Manifest.Count, Manifest.Select(entry => entry.File).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(AllUrls))]
    public void Every_manifest_url_resolves_through_the_default_loader(string url)
    {
        var document = PinnedContextLoader.Default.Load(new Uri(url));

        var entry = Manifest.Single(e => e.Url == url || e.Aliases.Contains(url));
        Assert.Equal(entry.Url, document.DocumentUrl);
        // A context document is an object whose @context is a context definition or an array of them.
        Assert.Contains(document.Document.GetProperty("@context").ValueKind, new[] { JsonValueKind.Object, JsonValueKind.Array });
    }

    [Fact]
    public void Every_entry_records_its_npm_origin_or_the_specification_it_was_written_from()
    {
        Assert.All(Manifest, entry =>
        {
            if (entry.Source == "npm")
            {
                Assert.False(string.IsNullOrEmpty(entry.Package), entry.Url);
                Assert.Matches(@"^\d+\.\d+\.\d+$", entry.Version);
                Assert.False(string.IsNullOrEmpty(entry.PathInPackage), entry.Url);
                Assert.Contains(entry.Extraction, new[] { "copy", "module" });
            }
            else
            {
                Assert.Equal("specification", entry.Source);
                Assert.Null(entry.Package);
                Assert.False(string.IsNullOrEmpty(entry.Specification), entry.Url);
                Assert.Equal("spec", entry.Extraction);
            }

            Assert.Contains(entry.Kind, new[] { "production", "example" });
        });
    }

    [Fact]
    public void The_task_list_of_contexts_is_pinned()
    {
        string[] required =
        [
            "https://www.w3.org/2018/credentials/v1",
            "https://www.w3.org/ns/credentials/v2",
            "https://w3id.org/security/data-integrity/v1",
            "https://w3id.org/security/data-integrity/v2",
            "https://w3id.org/security/multikey/v1",
            "https://w3id.org/security/suites/ed25519-2020/v1",
            "https://w3id.org/security/v1",
            "https://w3id.org/security/v2",
            "https://www.w3.org/ns/did/v1",
            "https://www.w3.org/ns/credentials/status/v1",
            "https://w3id.org/vc/status-list/2021/v1",
            "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
            "https://w3id.org/openbadges/v2",
            "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
            "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
            "https://www.w3.org/2018/credentials/examples/v1",
            "https://www.w3.org/ns/credentials/examples/v2",
        ];

        Assert.All(required, url => Assert.True(PinnedContextStore.Embedded.Contains(url), url));
    }

    [Fact]
    public void The_examples_contexts_are_marked_as_examples()
    {
        var examples = Manifest.Where(entry => entry.IsExample).Select(entry => entry.Url).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("https://www.w3.org/2018/credentials/examples/v1", examples);
        Assert.Contains("https://www.w3.org/ns/credentials/examples/v2", examples);
        Assert.DoesNotContain("https://www.w3.org/ns/credentials/v2", examples);
    }
}
