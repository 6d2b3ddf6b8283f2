namespace Credstack.Server.Tests.Infrastructure;

/// <summary>The database a test runs on; every <see cref="ProviderTheoryAttribute"/> test runs once for each.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
