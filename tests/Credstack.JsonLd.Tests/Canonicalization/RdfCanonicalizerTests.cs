using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Credstack.JsonLd.Canonicalization;
using Credstack.JsonLd.Rdf;

namespace Credstack.JsonLd.Tests.Canonicalization;

public sealed class RdfCanonicalizerTests
{
    private const string TwoBlankNodes = """
        _:x <http://example.org/vocab#next> _:y .
        _:y <http://example.org/vocab#name> "second" .
        _:x <http://example.org/vocab#name> "first" .
        """;

    [Fact]
    public void The_result_relabels_quads_sorts_lines_and_reports_the_issued_identifiers()
    {
        var result = new RdfCanonicalizer().Canonicalize(TwoBlankNodes);

        var lines = result.CanonicalNQuads.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Equal(3, result.Quads.Count);
        Assert.Equal(result.CanonicalNQuads, NQuadsWriter.Write(result.Quads));
        Assert.Equal(["x", "y"], result.IssuedIdentifiers.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.IssuedIdentifiers.Values, v => Assert.StartsWith("c14n", v, StringComparison.Ordinal));
        Assert.Equal(Encoding.UTF8.GetBytes(result.CanonicalNQuads), result.CanonicalNQuadsUtf8.ToArray());
    }

    [Fact]
    public void Relabeling_the_input_blank_nodes_does_not_change_the_output()
    {
        var renamed = TwoBlankNodes.Replace("_:x", "_:zz", StringComparison.Ordinal).Replace("_:y", "_:aa", StringComparison.Ordinal);
        var reordered = string.Join('\n', TwoBlankNodes.Split('\n').Reverse());

        var canonicalizer = new RdfCanonicalizer();
        var expected = canonicalizer.Canonicalize(TwoBlankNodes).CanonicalNQuads;
        Assert.Equal(expected, canonicalizer.Canonicalize(renamed).CanonicalNQuads);
        Assert.Equal(expected, canonicalizer.Canonicalize(reordered).CanonicalNQuads);
    }

    [Fact]
    public void Repeated_quads_count_once()
    {
        var once = new RdfCanonicalizer().Canonicalize(TwoBlankNodes);
        var twice = new RdfCanonicalizer().Canonicalize(TwoBlankNodes + "\n" + TwoBlankNodes);

        Assert.Equal(once.CanonicalNQuads, twice.CanonicalNQuads);
    }

    [Fact]
    public void The_hash_algorithm_option_changes_the_labels_chosen_for_symmetric_structures()
    {
        // Whatever the algorithm, the output must still be a relabeling of the same graph.
        var sha384 = new RdfCanonicalizer(new RdfCanonicalizerOptions { HashAlgorithm = HashAlgorithmName.SHA384 }).Canonicalize(TwoBlankNodes);

        Assert.Equal(3, sha384.Quads.Count);
        Assert.Equal(2, sha384.IssuedIdentifiers.Count);
    }

    [Fact]
    public void ComputeHash_hashes_the_canonical_utf8_bytes()
    {
        var result = new RdfCanonicalizer().Canonicalize(TwoBlankNodes);
        var bytes = Encoding.UTF8.GetBytes(result.CanonicalNQuads);

        Assert.Equal(SHA256.HashData(bytes), result.ComputeHash());
        Assert.Equal(SHA384.HashData(bytes), result.ComputeHash(HashAlgorithmName.SHA384));
        Assert.Throws<ArgumentException>(() => result.ComputeHash(HashAlgorithmName.MD5));
    }

    [Fact]
    public void A_clique_of_blank_nodes_fails_fast_naming_the_limit()
    {
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<JsonLdException>(() => new RdfCanonicalizer(new RdfCanonicalizerOptions { MaxHashNDegreeQuadsCalls = 50 }).Canonicalize(Clique(8)));

        Assert.Equal(JsonLdErrorCode.ResourceLimitExceeded, error.Code);
        Assert.Contains("MaxHashNDegreeQuadsCalls", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), clock.Elapsed.ToString());
    }

    [Fact]
    public void The_permutation_bound_applies_when_calls_are_unbounded()
    {
        var options = new RdfCanonicalizerOptions { MaxHashNDegreeQuadsCalls = int.MaxValue, MaxPermutations = 1_000 };

        var error = Assert.Throws<JsonLdException>(() => new RdfCanonicalizer(options).Canonicalize(Clique(8)));

        Assert.Contains("MaxPermutations", error.Message, StringComparison.Ordinal);
    }

    private static string Clique(int size)
    {
        var clique = new StringBuilder();
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                clique.Append(CultureInfo.InvariantCulture, $"_:n{i} <http://example.org/p> _:n{j} .\n");
            }
        }

        return clique.ToString();
    }

    [Fact]
    public void A_run_that_hits_a_bound_leaves_nothing_behind_for_the_next_run_on_the_thread()
    {
        var before = new RdfCanonicalizer().Canonicalize(TwoBlankNodes).CanonicalNQuads;
        Assert.Throws<JsonLdException>(() => new RdfCanonicalizer(new RdfCanonicalizerOptions { MaxPermutations = 10 }).Canonicalize(Clique(6)));
        var sha384 = new RdfCanonicalizer(new RdfCanonicalizerOptions { HashAlgorithm = HashAlgorithmName.SHA384 }).Canonicalize(Clique(3)).CanonicalNQuads;

        Assert.Equal(before, new RdfCanonicalizer().Canonicalize(TwoBlankNodes).CanonicalNQuads);
        Assert.Equal(9, sha384.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_large_dataset_with_many_blank_nodes_is_canonicalized()
    {
        var chain = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            chain.Append(CultureInfo.InvariantCulture, $"_:n{i} <http://example.org/next> _:n{i + 1} .\n_:n{i} <http://example.org/index> \"{i}\" .\n");
        }

        var result = new RdfCanonicalizer().Canonicalize(chain.ToString());

        Assert.Equal(10_000, result.Quads.Count);
        Assert.Equal(5_001, result.IssuedIdentifiers.Count);
    }

    [Fact]
    public void Ground_datasets_have_an_empty_identifier_map()
    {
        var result = new RdfCanonicalizer().Canonicalize("<http://x/b> <http://x/p> \"2\" .\n<http://x/a> <http://x/p> \"1\" .\n");

        Assert.Empty(result.IssuedIdentifiers);
        Assert.StartsWith("<http://x/a>", result.CanonicalNQuads, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_quads_are_rejected()
    {
        var literalSubject = new Quad(RdfTerm.Literal("x"), RdfTerm.Iri("http://x/p"), RdfTerm.Iri("http://x/o"));

        Assert.Throws<ArgumentException>(() => new RdfCanonicalizer().Canonicalize([literalSubject]));
        Assert.Throws<ArgumentException>(() => new RdfCanonicalizer(new RdfCanonicalizerOptions { HashAlgorithm = HashAlgorithmName.MD5 }));
    }

    [Fact]
    public void Lines_sort_in_code_point_order_not_utf16_order()
    {
        // U+FF61 sorts before U+1F600 by code point, after it by UTF-16 code unit (D83D DE00).
        var result = new RdfCanonicalizer().Canonicalize("<http://x/s> <http://x/p> \"\U0001F600\" .\n<http://x/s> <http://x/p> \"\uFF61\" .\n");

        Assert.StartsWith("<http://x/s> <http://x/p> \"\uFF61\"", result.CanonicalNQuads, StringComparison.Ordinal);
    }

    [ConformanceFact("openbadges", "proof-test-vectors", "obv3p0", "canonDoc.txt")]
    public void The_open_badges_proof_vector_is_a_fixed_point_and_hashes_to_the_published_value()
    {
        var canonical = File.ReadAllText(Conformance.PathOf("openbadges", "proof-test-vectors", "obv3p0", "canonDoc.txt"));
        var docHash = File.ReadAllText(Conformance.PathOf("openbadges", "proof-test-vectors", "obv3p0", "docHash.txt")).Trim();

        var result = new RdfCanonicalizer().Canonicalize(canonical);

        Assert.Equal(canonical, result.CanonicalNQuads);
        Assert.Equal(docHash, Convert.ToHexStringLower(result.ComputeHash()));
    }
}
