namespace Credstack.JsonLd.Tests.Processing;

/// <summary>The W3C JSON-LD 1.1 API test suite: expand and toRdf manifests.</summary>
public sealed class JsonLdConformanceTests
{
    [ManifestTests("expand")]
    public void Expand_matches_the_W3C_expand_manifest_entry(string key) => AssertPasses(key);

    [ManifestTests("toRdf")]
    public void ToRdf_matches_the_W3C_toRdf_manifest_entry(string key) => AssertPasses(key);

    [ConformanceFact("json-ld-api", "tests", "expand-manifest.jsonld")]
    public void Every_excluded_test_still_fails_so_the_exclusion_list_cannot_drift()
    {
        var unknown = ManifestSuite.Exclusions.Keys.Where(k => !ManifestSuite.Manifests.Any(m => ManifestSuite.Keys(m).Contains(k))).ToList();
        Assert.True(unknown.Count == 0, "Exclusions naming no manifest entry: " + string.Join(", ", unknown));

        var nowPassing = ManifestSuite.Exclusions.Keys.Where(k => ManifestSuite.Run(k) is null).ToList();
        Assert.True(nowPassing.Count == 0, "Excluded tests that pass now; remove them from jsonld-exclusions.txt: " + string.Join(", ", nowPassing));
    }

    private static void AssertPasses(string key)
    {
        if (!ManifestSuite.IsAvailable)
        {
            Assert.Fail(Conformance.MissingReason);
        }

        var failure = ManifestSuite.Run(key);
        Assert.True(failure is null, failure);
    }
}
