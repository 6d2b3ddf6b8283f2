using System.Text;
using System.Text.Json;

namespace Credstack.Cli.Tests.Canonicalization;

public sealed class CanonicalizeCommandTests
{
    private static string Vector(string name) => Conformance.PathOf("openbadges", "proof-test-vectors", "obv3p0", name);

    [ConformanceFact("openbadges", "proof-test-vectors")]
    public async Task Rdfc_prints_the_published_canonical_NQuads_of_the_OB3_vector()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "canonicalize", "--rdfc", Vector("unsigned.json"));

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Equal(File.ReadAllText(Vector("canonDoc.txt")), stdout);
    }

    [ConformanceFact("openbadges", "proof-test-vectors")]
    public async Task Hash_prints_the_published_document_hash()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(null, "canonicalize", "--rdfc", "--hash", "sha256", Vector("unsigned.json"));

        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Vector("docHash.txt")).Trim(), stdout.Trim());
    }

    [ConformanceFact("openbadges", "proof-test-vectors")]
    public async Task From_nquads_recanonicalizes_canonical_NQuads_to_themselves()
    {
        var canonical = File.ReadAllText(Vector("canonDoc.txt"));

        var (exit, stdout, _) = await CliRunner.RunAsync(canonical, "canonicalize", "--rdfc", "--from-nquads");

        Assert.Equal(0, exit);
        Assert.Equal(canonical, stdout);
    }

    [ConformanceFact("vc-di-ecdsa")]
    public async Task Rdfc_hash_sha384_gives_the_blank_node_labels_of_the_P384_vector()
    {
        var vectors = Conformance.PathOf("vc-di-ecdsa", "TestVectors");
        string[] args = ["canonicalize", "--rdfc", "--documents", Conformance.PathOf("contexts", "index.json"), Path.Combine(vectors, "employmentAuth.json")];

        var (sha256, default256, _) = await CliRunner.RunAsync(null, args);
        var (sha384, with384, stderr) = await CliRunner.RunAsync(null, [.. args, "--rdfc-hash", "sha384"]);

        Assert.Equal(0, sha256);
        Assert.True(sha384 == 0, stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(vectors, "ecdsa-rdfc-2019-p256", "employ", "canonDocECDSAP256.txt")), default256);
        Assert.Equal(File.ReadAllText(Path.Combine(vectors, "ecdsa-rdfc-2019-p384", "employ", "canonDocECDSAP384.txt")), with384);
    }

    [Fact]
    public async Task Jcs_reads_standard_input_and_sorts_members_without_whitespace()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("{ \"b\": 1.0, \"a\": [true, null, 1e21] }", "canonicalize", "--jcs");

        Assert.Equal(0, exit);
        Assert.Equal("{\"a\":[true,null,1e+21],\"b\":1}", stdout);
    }

    [Fact]
    public async Task Json_reports_the_form_the_hash_and_the_issued_identifiers()
    {
        const string nquads = "_:x <http://example.org/p> \"v\" .\n";

        var (exit, stdout, _) = await CliRunner.RunAsync(nquads, "canonicalize", "--rdfc", "--from-nquads", "--hash", "sha384", "--json");

        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal("rdfc-1.0", report.RootElement.GetProperty("format").GetString());
        Assert.Equal("_:c14n0 <http://example.org/p> \"v\" .\n", report.RootElement.GetProperty("canonical").GetString());
        Assert.Equal("c14n0", report.RootElement.GetProperty("issuedIdentifiers").GetProperty("x").GetString());
        Assert.Equal("sha384", report.RootElement.GetProperty("hash").GetProperty("algorithm").GetString());
        Assert.Equal(96, report.RootElement.GetProperty("hash").GetProperty("hex").GetString()!.Length);
    }

    [Fact]
    public async Task Jsonl_writes_one_result_per_input_line_and_an_error_object_for_a_bad_line()
    {
        var input = "{\"@context\":{\"@vocab\":\"http://example.org/\"},\"name\":\"a\"}\nnot json\n{\"@context\":{\"@vocab\":\"http://example.org/\"},\"name\":\"b\"}\n";

        var (exit, stdout, stderr) = await CliRunner.RunAsync(input, "canonicalize", "--rdfc", "--jsonl");

        Assert.Equal(3, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("_:c14n0 <http://example.org/name> \"a\" .\n", JsonSerializer.Deserialize<string>(lines[0]));
        using (var error = JsonDocument.Parse(lines[1]))
        {
            Assert.Equal(2, error.RootElement.GetProperty("error").GetProperty("line").GetInt32());
            Assert.Equal("invalid JSON", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        }

        Assert.Equal("_:c14n0 <http://example.org/name> \"b\" .\n", JsonSerializer.Deserialize<string>(lines[2]));
        Assert.Contains("line 2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_JSON_is_an_input_error_that_says_so()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("{\"a\": ", "canonicalize", "--jcs");

        Assert.Equal(3, exit);
        Assert.Empty(stdout);
        Assert.Contains("invalid JSON", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_context_URL_is_named_and_nothing_is_fetched()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("{\"@context\":\"https://example.invalid/ctx.jsonld\",\"name\":\"x\"}", "canonicalize", "--rdfc");

        Assert.Equal(4, exit);
        Assert.Contains("https://example.invalid/ctx.jsonld", stderr, StringComparison.Ordinal);
        Assert.Contains("loading", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redefining_a_protected_term_is_a_protected_term_redefinition_error()
    {
        const string input = """
            {"@context": ["https://www.w3.org/ns/credentials/v2", {"VerifiableCredential": "https://evil.example/VC"}],
             "type": "VerifiableCredential"}
            """;

        var (exit, _, stderr) = await CliRunner.RunAsync(input, "canonicalize", "--rdfc");

        Assert.Equal(4, exit);
        Assert.Contains("protected term redefinition", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deeply_nested_input_gets_a_clear_error_not_a_crash()
    {
        var input = string.Concat(Enumerable.Repeat("{\"http://example.org/p\":", 5000)) + "1" + new string('}', 5000);

        var (exit, _, stderr) = await CliRunner.RunAsync(input, "canonicalize", "--rdfc");

        Assert.True(exit is 3 or 4, $"exit {exit}: {stderr}");
        Assert.Contains("nests deeper", stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_50_MB_input_is_refused_with_the_limit_named()
    {
        var big = new StringBuilder(50 * 1024 * 1024 + 64);
        big.Append("{\"a\":\"").Append('x', 50 * 1024 * 1024).Append("\"}");

        var (exit, stdout, stderr) = await CliRunner.RunAsync(big.ToString(), "canonicalize", "--jcs");

        Assert.Equal(3, exit);
        Assert.Empty(stdout);
        Assert.Contains("--max-input-bytes", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Safe_mode_refuses_a_term_that_would_be_dropped()
    {
        const string input = """{"@context": {"name": "http://schema.org/name"}, "name": "a", "undefinedTerm": "lost"}""";

        var (lenient, _, _) = await CliRunner.RunAsync(input, "canonicalize", "--rdfc");
        var (safe, _, stderr) = await CliRunner.RunAsync(input, "canonicalize", "--rdfc", "--safe");

        Assert.Equal(0, lenient);
        Assert.Equal(4, safe);
        Assert.Contains("undefinedTerm", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_neither_jcs_nor_rdfc_is_a_usage_error()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("{}", "canonicalize");

        Assert.Equal(2, exit);
        Assert.Contains("--jcs", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_an_input_error_naming_the_file()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync(null, "canonicalize", "--jcs", "/no/such/file.json");

        Assert.Equal(3, exit);
        Assert.Contains("/no/such/file.json", stderr, StringComparison.Ordinal);
    }
}
