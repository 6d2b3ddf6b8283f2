using System.Text;
using Credstack.JsonLd.Rdf;

namespace Credstack.JsonLd.Tests.Rdf;

public sealed class NQuadsParserTests
{
    [Fact]
    public void Parses_iris_blank_nodes_literals_graphs_comments_and_blank_lines()
    {
        const string document = """
            # a comment line

            <http://a.example/s> <http://a.example/p> <http://a.example/o> .
            _:b0 <http://a.example/p> "plain" <http://a.example/g> . # trailing comment
            _:b0 <http://a.example/p> "hallo"@de-AT _:g1 .
            <http://a.example/s> <http://a.example/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer>.
            """;

        var quads = NQuadsParser.Parse(document);

        Assert.Equal(4, quads.Count);
        Assert.Equal(new Quad(RdfTerm.Iri("http://a.example/s"), RdfTerm.Iri("http://a.example/p"), RdfTerm.Iri("http://a.example/o")), quads[0]);
        Assert.Equal(RdfTerm.BlankNode("b0"), quads[1].Subject);
        Assert.Equal(RdfTerm.Literal("plain"), quads[1].Object);
        Assert.Equal(RdfTerm.Iri("http://a.example/g"), quads[1].Graph);
        Assert.Equal(RdfTerm.Literal("hallo", language: "de-AT"), quads[2].Object);
        Assert.Equal(RdfTerm.BlankNode("g1"), quads[2].Graph);
        Assert.Equal(RdfTerm.Literal("1", "http://www.w3.org/2001/XMLSchema#integer"), quads[3].Object);
    }

    [Fact]
    public void Decodes_echar_and_uchar_escapes_in_literals_and_iris()
    {
        var quads = NQuadsParser.Parse("<http://x/\\u00E9> <http://x/p> \"\\t\\b\\n\\r\\f\\\"\\'\\\\\\u00e9\\U0001F600\" .\n");

        Assert.Equal("http://x/é", quads[0].Subject.Value);
        Assert.Equal("\t\b\n\r\f\"'\\é\U0001F600", quads[0].Object.Value);
    }

    [Fact]
    public void A_dot_right_after_a_blank_node_label_ends_the_statement()
    {
        var quads = NQuadsParser.Parse("_:a.b <http://x/p> _:c.\r\n");

        Assert.Equal("a.b", quads[0].Subject.Value);
        Assert.Equal("c", quads[0].Object.Value);
    }

    [Theory]
    [InlineData("<http://x/s> <http://x/p> <http://x/o>\n", 1, 39, "expected '.'")]
    [InlineData("<http://x/s> <http://x/p> <http://x/o> .\n<http://x/s> \"lit\" <http://x/o> .\n", 2, 14, "predicate")]
    [InlineData("<http://x/s> <http://x/p> \"open .\n", 1, 34, "line break")]
    [InlineData("<http://x/s> <http://x/p> \"a\\qb\" .", 1, 30, "unknown escape")]
    [InlineData("<relative> <http://x/p> <http://x/o> .", 1, 2, "relative")]
    [InlineData("<http://x/s p> <http://x/p> <http://x/o> .", 1, 12, "U+0020")]
    [InlineData("<http://x/s> <http://x/p> \"x\"@ .", 1, 31, "language tag")]
    [InlineData("<http://x/s> <http://x/p> \"x\\uD800\" .", 1, 29, "Unicode scalar")]
    [InlineData("<http://x/s> <http://x/p> <http://x/o> . extra", 1, 42, "end of the line")]
    [InlineData("_:-a <http://x/p> <http://x/o> .", 1, 3, "blank node label")]
    [InlineData("<http://x/s> <http://x/p> \"x\"^<http://x/t> .", 1, 31, "'^^'")]
    [InlineData("<http://x/s> <http://x/p> <http://x/o", 1, 38, "not closed")]
    public void Syntax_errors_name_the_line_and_column(string document, int line, int column, string reason)
    {
        var error = Assert.Throws<NQuadsSyntaxException>(() => NQuadsParser.Parse(document));

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line}, column {column}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_line()
    {
        byte[] document = [.. "<http://x/s> <http://x/p> \"ok\" .\n<http://x/s> <http://x/p> \""u8, 0xFF, .. "\" .\n"u8];

        var error = Assert.Throws<NQuadsSyntaxException>(() => NQuadsParser.Parse(document));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void An_unpaired_surrogate_in_a_string_document_is_rejected()
    {
        var error = Assert.Throws<NQuadsSyntaxException>(() => NQuadsParser.Parse("<http://x/s> <http://x/p> \"\uD800\" ."));

        Assert.Equal(28, error.Column);
    }

    [Fact]
    public void The_document_line_and_statement_limits_are_enforced()
    {
        const string line = "<http://x/s> <http://x/p> <http://x/o> .\n";

        Assert.Contains("MaxDocumentLength", Assert.Throws<NQuadsSyntaxException>(() => NQuadsParser.Parse(line + line, new NQuadsParserOptions { MaxDocumentLength = 50 })).Message, StringComparison.Ordinal);
        var tooLong = Assert.Throws<NQuadsSyntaxException>(() => NQuadsParser.Parse(line + "# " + new string('x', 100) + "\n", new NQuadsParserOptions { MaxLineLength = 80 }));
        Assert.Equal(2, tooLong.Line);
        var tooMany = Assert.Throws<NQuadsSyntaxException>(() => NQuadsParser.Parse(line + line + line, new NQuadsParserOptions { MaxQuads = 2 }));
        Assert.Equal(3, tooMany.Line);
    }

    [Fact]
    public void Hostile_input_is_rejected_in_linear_time()
    {
        // A megabyte of unclosed IRI, of dots, and of nested-looking brackets: each is one scan.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<NQuadsSyntaxException>(() => NQuadsParser.Parse("<http://x/" + new string('a', 1_000_000)));
        Assert.Throws<NQuadsSyntaxException>(() => NQuadsParser.Parse("_:a" + new string('.', 1_000_000)));
        Assert.Throws<NQuadsSyntaxException>(() => NQuadsParser.Parse(new string('<', 1_000_000)));
        Assert.Throws<NQuadsSyntaxException>(() => NQuadsParser.Parse("<http://x/s> <http://x/p> \"" + new string('\\', 999_999) + "\" ."));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
    }

    [Fact]
    public void Parsing_and_writing_round_trips_canonical_n_quads()
    {
        const string canonical = "<http://x/s> <http://x/p> \"a\\\"b\\\\c\\nd\\u0001\\u007F\"@en <http://x/g> .\n_:b0 <http://x/p> \"2\"^^<http://x/t> .\n";

        Assert.Equal(canonical, NQuadsWriter.Write(NQuadsParser.Parse(canonical)));
        Assert.Equal(canonical, NQuadsWriter.Write(NQuadsParser.Parse(Encoding.UTF8.GetBytes(canonical))));
    }
}
