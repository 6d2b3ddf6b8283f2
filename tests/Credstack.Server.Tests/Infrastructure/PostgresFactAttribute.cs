namespace Credstack.Server.Tests.Infrastructure;

/// <summary>A fact about PostgreSQL only: skipped with a visible reason when no cluster is configured, run (and failing) under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = TestPostgres.SkipReason;
    }
}
