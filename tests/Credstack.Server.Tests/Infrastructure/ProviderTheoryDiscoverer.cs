using Xunit.Abstractions;
using Xunit.Sdk;

namespace Credstack.Server.Tests.Infrastructure;

/// <summary>Makes the two test cases of a <see cref="ProviderTheoryAttribute"/> method.</summary>
public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod, [DatabaseProvider.Sqlite]);
        yield return TestPostgres.SkipReason is { } reason
            ? new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason, [DatabaseProvider.Postgres])
            : new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod, [DatabaseProvider.Postgres]);
    }
}
