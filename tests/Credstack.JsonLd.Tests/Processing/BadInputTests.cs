using System.Text;
using System.Text.Json;

namespace Credstack.JsonLd.Tests.Processing;

/// <summary>Bad, hostile or oversized input gets a clear JsonLdException, never a crash or a hang.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Invalid_JSON_text_is_reported_as_invalid_JSON()
    {
        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand("{\"@id\": \"http://example.org/\","));

        Assert.Equal(JsonLdErrorCode.InvalidJson, error.Code);
    }

    [Theory]
    [InlineData("""{"http://example.org/p": 1e400}""")]
    [InlineData("""{"@context": {"p": {"@id": "http://example.org/p", "@type": "@json"}}, "p": [1e400]}""")]
    public void A_number_beyond_the_range_of_a_double_is_refused_with_a_clear_error(string json)
    {
        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(json));

        Assert.Equal(JsonLdErrorCode.InvalidJson, error.Code);
        Assert.Contains("1e400", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"http://example.org/p": "\ud800"}""")]
    [InlineData("""{"\ud800": "x"}""")]
    public void A_lone_surrogate_escape_is_reported_as_invalid_JSON(string json)
    {
        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(json));

        Assert.Equal(JsonLdErrorCode.InvalidJson, error.Code);
    }

    [Fact]
    public void A_remote_context_without_a_document_loader_fails_to_load_and_nothing_is_fetched()
    {
        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf("""{"@context": "https://example.org/unknown-context", "name": "x"}"""));

        Assert.Equal(JsonLdErrorCode.LoadingRemoteContextFailed, error.Code);
        Assert.Contains("https://example.org/unknown-context", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_redefining_a_protected_term_is_a_protected_term_redefinition()
    {
        const string json = """
            {
              "@context": [
                {"@version": 1.1, "@protected": true, "name": "https://schema.org/name"},
                {"name": "https://evil.example/name"}
              ],
              "name": "Alice"
            }
            """;

        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(json));

        Assert.Equal(JsonLdErrorCode.ProtectedTermRedefinition, error.Code);
    }

    [Fact]
    public void Redefining_a_protected_term_identically_is_allowed()
    {
        const string json = """
            {
              "@context": [
                {"@version": 1.1, "@protected": true, "name": "https://schema.org/name"},
                {"name": "https://schema.org/name"}
              ],
              "name": "Alice"
            }
            """;

        var expanded = JsonLdProcessor.Expand(json);

        Assert.Equal("Alice", expanded[0]!["https://schema.org/name"]![0]!["@value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{\"http://example.org/p\":", "}")]
    public void Ten_thousand_nested_levels_exceed_the_resource_limit_without_overflowing_the_stack(string open, string close)
    {
        var json = new StringBuilder("{\"http://example.org/p\":")
            .Insert(24, open, 10_000)
            .Append('1')
            .Append(new StringBuilder().Insert(0, close, 10_000))
            .Append('}')
            .ToString();

        var fromText = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(json));
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 20_000 });
        var fromElement = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(document.RootElement));

        Assert.Equal(JsonLdErrorCode.ResourceLimitExceeded, fromText.Code);
        Assert.Equal(JsonLdErrorCode.ResourceLimitExceeded, fromElement.Code);
    }

    [Fact]
    public void A_very_large_nesting_limit_still_ends_in_an_error_rather_than_a_stack_overflow()
    {
        var json = "{\"http://example.org/p\":" + new string('[', 20_000) + "1" + new string(']', 20_000) + "}";
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 30_000 });

        var element = document.RootElement;

        // A small stack makes sure the stack, not the (unlimited) depth option, is what runs out.
        Exception? caught = null;
        var thread = new Thread(() => caught = Record.Exception(() => JsonLdProcessor.ToRdf(element, new JsonLdOptions { MaxNestingDepth = int.MaxValue })), maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        var error = Assert.IsType<JsonLdException>(caught);
        Assert.Equal(JsonLdErrorCode.ResourceLimitExceeded, error.Code);
    }

    [Fact]
    public void Nesting_within_the_limit_is_processed()
    {
        var json = "{\"http://example.org/p\":" + new string('[', 100) + "1" + new string(']', 100) + "}";

        var quads = JsonLdProcessor.ToRdf(json);

        Assert.Single(quads);
    }

    [Fact]
    public void A_50_MB_document_is_refused_by_the_input_size_limit()
    {
        var json = "{\"http://example.org/p\": \"" + new string('a', 50 * 1024 * 1024) + "\"}";

        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(json));

        Assert.Equal(JsonLdErrorCode.ResourceLimitExceeded, error.Code);
        Assert.Contains("MaxInputBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_that_includes_itself_overflows()
    {
        var loader = new InlineLoader(("https://example.org/self", """{"@context": ["https://example.org/self", {"a": "https://example.org/a"}]}"""));

        var error = Assert.Throws<JsonLdException>(() =>
            JsonLdProcessor.Expand("""{"@context": "https://example.org/self", "a": 1}""", new JsonLdOptions { DocumentLoader = loader }));

        Assert.Equal(JsonLdErrorCode.ContextOverflow, error.Code);
    }

    [Fact]
    public void More_remote_contexts_than_allowed_exceed_the_resource_limit()
    {
        var loader = new InlineLoader(
            ("https://example.org/1", """{"@context": {"a": "https://example.org/a"}}"""),
            ("https://example.org/2", """{"@context": {"b": "https://example.org/b"}}"""),
            ("https://example.org/3", """{"@context": {"c": "https://example.org/c"}}"""));
        var options = new JsonLdOptions { DocumentLoader = loader, MaxRemoteContexts = 2 };

        var error = Assert.Throws<JsonLdException>(() =>
            JsonLdProcessor.Expand("""{"@context": ["https://example.org/1", "https://example.org/2", "https://example.org/3"], "a": 1}""", options));

        Assert.Equal(JsonLdErrorCode.ResourceLimitExceeded, error.Code);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_property_with_fifty_thousand_values_is_processed_without_quadratic_slowdown()
    {
        var json = "{\"@id\": \"http://example.org/s\", \"http://example.org/p\": ["
            + string.Join(',', Enumerable.Range(0, 50_000).Select(i => "\"v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\""))
            + "]}";

        var quads = await Task.Run(() => JsonLdProcessor.ToRdf(json));

        Assert.Equal(50_000, quads.Count);
    }

    [Fact]
    public void Repeated_values_of_a_long_property_produce_one_triple_each()
    {
        var json = "{\"@id\": \"http://example.org/s\", \"http://example.org/p\": ["
            + string.Join(',', Enumerable.Range(0, 40).Select(i => "{\"@value\": \"v" + (i % 20).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"}"))
            + "]}";

        var quads = JsonLdProcessor.ToRdf(json);

        Assert.Equal(20, quads.Count);
    }

    [Fact]
    public void Contexts_that_multiply_term_definitions_exceed_the_resource_limit()
    {
        // 200 terms, each with a scoped context of 1,000 terms: 200,000 definitions just to validate them.
        var scoped = "{" + string.Join(',', Enumerable.Range(0, 1_000).Select(i => $"\"t{i}\": \"https://example.org/t{i}\"")) + "}";
        var context = "{" + string.Join(',', Enumerable.Range(0, 200).Select(i => $"\"p{i}\": {{\"@id\": \"https://example.org/p{i}\", \"@context\": {scoped}}}")) + "}";

        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand("{\"@context\": " + context + ", \"p0\": 1}"));

        Assert.Equal(JsonLdErrorCode.ResourceLimitExceeded, error.Code);
    }

    private sealed class InlineLoader(params (string Url, string Json)[] documents) : IDocumentLoader
    {
        public RemoteDocument Load(Uri url, CancellationToken cancellationToken = default)
        {
            foreach (var (known, json) in documents)
            {
                if (known == url.OriginalString)
                {
                    return new RemoteDocument(known, JsonDocument.Parse(json).RootElement.Clone());
                }
            }

            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, $"Unknown URL <{url}>.");
        }
    }
}
