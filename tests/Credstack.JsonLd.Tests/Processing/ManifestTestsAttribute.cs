using Xunit.Sdk;

namespace Credstack.JsonLd.Tests.Processing;

/// <summary>
/// One test case per entry of a JSON-LD API test manifest, named by its key ("expand#t0001"); entries
/// in jsonld-exclusions.txt and json-ld-1.0-only entries are reported as skipped with their reason.
/// The method takes the key as its only parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Credstack.JsonLd.Tests.Processing.ManifestTestCaseDiscoverer", "Credstack.JsonLd.Tests")]
public sealed class ManifestTestsAttribute(string manifest) : FactAttribute
{
    public string Manifest { get; } = manifest;
}
