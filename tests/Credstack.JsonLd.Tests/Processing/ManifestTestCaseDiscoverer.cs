using Xunit.Abstractions;
using Xunit.Sdk;

namespace Credstack.JsonLd.Tests.Processing;

/// <summary>Turns a <see cref="ManifestTestsAttribute"/> into one test case per manifest entry.</summary>
public sealed class ManifestTestCaseDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var manifest = factAttribute.GetConstructorArguments().Cast<string>().Single();
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        if (!ManifestSuite.IsAvailable)
        {
            // Locally a missing suite is a visible skip; under CI the case runs and fails on the missing folder.
            var reason = Conformance.IsCi ? null : Conformance.MissingReason;
            yield return new ManifestTestCase(diagnosticMessageSink, display, displayOptions, testMethod, manifest + "#(suite)", reason);
            yield break;
        }

        foreach (var key in ManifestSuite.Keys(manifest))
        {
            yield return new ManifestTestCase(diagnosticMessageSink, display, displayOptions, testMethod, key, ManifestSuite.SkipReason(key));
        }
    }
}
