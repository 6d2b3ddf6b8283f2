using System.Text.Json;

namespace Credstack.Cli.Tests.Canonicalization;

public sealed class JsonLdCommandTests
{
    private const string Document = """{"@context": {"@vocab": "http://example.org/"}, "@id": "http://example.org/a", "name": "A"}""";

    [Fact]
    public async Task Expand_prints_the_expanded_document()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(Document, "jsonld", "expand");

        Assert.Equal(0, exit);
        using var expanded = JsonDocument.Parse(stdout);
        var node = expanded.RootElement[0];
        Assert.Equal("http://example.org/a", node.GetProperty("@id").GetString());
        Assert.Equal("A", node.GetProperty("http://example.org/name")[0].GetProperty("@value").GetString());
    }

    [Fact]
    public async Task To_rdf_prints_NQuads()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(Document, "jsonld", "to-rdf");

        Assert.Equal(0, exit);
        Assert.Equal("<http://example.org/a> <http://example.org/name> \"A\" .\n", stdout);
    }

    [Fact]
    public async Task To_rdf_jsonl_writes_a_JSON_string_per_line()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(Document + "\n" + Document + "\n", "jsonld", "to-rdf", "--jsonl");

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Equal("<http://example.org/a> <http://example.org/name> \"A\" .\n", JsonSerializer.Deserialize<string>(line)));
    }

    [Fact]
    public async Task A_remote_context_outside_the_allow_list_is_refused_without_a_request()
    {
        const string input = """{"@context": "https://contexts.example/ctx.jsonld", "name": "x"}""";

        var (exit, _, stderr) = await CliRunner.RunAsync(input, "jsonld", "expand", "--allow-remote", "https://other.example/");

        Assert.True(exit == 4, stderr);
        Assert.Contains("https://contexts.example/ctx.jsonld", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_documents_map_serves_an_extra_context_offline()
    {
        var dir = Directory.CreateTempSubdirectory("credstack-cli-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "ctx.jsonld"), """{"@context": {"name": "http://schema.org/name"}}""");
            File.WriteAllText(Path.Combine(dir.FullName, "map.json"), """{"https://contexts.example/ctx.jsonld": "ctx.jsonld"}""");
            const string input = """{"@context": "https://contexts.example/ctx.jsonld", "@id": "http://example.org/a", "name": "x"}""";

            var (exit, stdout, stderr) = await CliRunner.RunAsync(input, "jsonld", "to-rdf", "--documents", Path.Combine(dir.FullName, "map.json"));

            Assert.True(exit == 0, stderr);
            Assert.Equal("<http://example.org/a> <http://schema.org/name> \"x\" .\n", stdout);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
