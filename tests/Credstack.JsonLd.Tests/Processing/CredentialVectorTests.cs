using System.Text.Json;

namespace Credstack.JsonLd.Tests.Processing;

/// <summary>
/// toRdf of real credentials against the canonical N-Quads published with their Data Integrity test
/// vectors (compared as datasets, so the check does not depend on RDFC-1.0).
/// </summary>
public sealed class CredentialVectorTests
{
    private static readonly ContextFolderLoader Loader = Conformance.Root is null ? null! : new ContextFolderLoader();

    [ConformanceTheory("openbadges", "proof-test-vectors")]
    [InlineData("openbadges/proof-test-vectors/obv3p0/unsigned.json", "openbadges/proof-test-vectors/obv3p0/canonDoc.txt")]
    [InlineData("openbadges/proof-test-vectors/clrv2p0/unsigned.json", "openbadges/proof-test-vectors/clrv2p0/canonDoc.txt")]
    [InlineData("vc-di-eddsa/TestVectors/unsigned.json", "vc-di-eddsa/TestVectors/eddsa-rdfc-2022/canonDocDataInt.txt")]
    public void ToRdf_of_a_credential_is_the_dataset_its_test_vector_canonicalizes(string credential, string canonical)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Conformance.PathOf(credential.Split('/'))));
        var expected = DatasetComparer.ParseNQuads(File.ReadAllText(Conformance.PathOf(canonical.Split('/'))));

        var quads = JsonLdProcessor.ToRdf(document.RootElement, new JsonLdOptions { DocumentLoader = Loader, SafeMode = true });

        Assert.True(DatasetComparer.AreIsomorphic(expected, quads), Credstack.JsonLd.Rdf.NQuadsWriter.Write(quads));
    }

    [ConformanceFact("openbadges", "spec-examples")]
    public void A_second_credential_with_the_same_contexts_loads_no_context_again()
    {
        var loader = new ContextFolderLoader();
        var options = new JsonLdOptions { DocumentLoader = loader };
        using var first = JsonDocument.Parse(File.ReadAllBytes(Conformance.PathOf("openbadges", "spec-examples", "skillAssertionCase-1.json")));
        using var second = JsonDocument.Parse(File.ReadAllBytes(Conformance.PathOf("openbadges", "spec-examples", "fullOpenBadge-1.json")));

        var firstQuads = JsonLdProcessor.ToRdf(first.RootElement, options);
        var loadsAfterFirst = loader.Loads;
        var secondQuads = JsonLdProcessor.ToRdf(second.RootElement, options);

        Assert.NotEmpty(firstQuads);
        Assert.NotEmpty(secondQuads);
        Assert.Equal(3, loadsAfterFirst);
        Assert.Equal(loadsAfterFirst, loader.Loads);
    }

    [ConformanceFact("openbadges", "spec-examples")]
    public void Processing_the_same_credential_twice_gives_the_same_quads_in_the_same_order()
    {
        var options = new JsonLdOptions { DocumentLoader = new ContextFolderLoader() };
        using var document = JsonDocument.Parse(File.ReadAllBytes(Conformance.PathOf("openbadges", "spec-examples", "fullOpenBadge-1.json")));

        var cold = JsonLdProcessor.ToRdf(document.RootElement, options);
        var warm = JsonLdProcessor.ToRdf(document.RootElement, options);

        Assert.Equal(cold, warm);
    }

    [ConformanceFact("openbadges", "spec-examples")]
    public void Concurrent_conversions_from_a_cold_cache_all_give_the_same_quads()
    {
        var options = new JsonLdOptions { DocumentLoader = new ContextFolderLoader(), Base = "https://example.org/concurrency-test/" };
        using var document = JsonDocument.Parse(File.ReadAllBytes(Conformance.PathOf("openbadges", "spec-examples", "fullOpenBadge-1.json")));
        var element = document.RootElement;

        var results = new IReadOnlyList<Credstack.JsonLd.Rdf.Quad>[16];
        Parallel.For(0, results.Length, i => results[i] = JsonLdProcessor.ToRdf(element, options));

        Assert.All(results, r => Assert.Equal(results[0], r));
    }
}
