using Xunit.Sdk;

namespace Credstack.Server.Tests.Infrastructure;

/// <summary>
/// A test that runs once per database: the method takes a <see cref="DatabaseProvider"/> first.
/// The PostgreSQL case is reported as skipped (with the reason) when no cluster is configured,
/// and runs (and fails) under CI=true (STYLE.md, "Data").
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Credstack.Server.Tests.Infrastructure.ProviderTheoryDiscoverer", "Credstack.Server.Tests")]
public sealed class ProviderTheoryAttribute : FactAttribute
{
}
