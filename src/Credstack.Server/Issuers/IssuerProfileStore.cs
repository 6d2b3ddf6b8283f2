using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Issuers;

/// <summary>Issuer profile details in the database (SQL shared by both providers).</summary>
internal sealed class IssuerProfileStore(IConnectionFactory connections, TimeProvider time)
{
    public async Task<IssuerProfile?> FindAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IssuerProfile>(new CommandDefinition(
            "SELECT organization_id, description, homepage_url, email, updated_at FROM issuer_profiles WHERE organization_id = @organizationId;",
            new { organizationId }, cancellationToken: cancellationToken));
    }

    public async Task<IssuerProfile> SaveAsync(string organizationId, string? description, string? homepageUrl, string? email, CancellationToken cancellationToken)
    {
        var profile = new IssuerProfile { OrganizationId = organizationId, Description = description, HomepageUrl = homepageUrl, Email = email, UpdatedAt = time.GetUtcNow() };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO issuer_profiles (organization_id, description, homepage_url, email, updated_at)
            VALUES (@OrganizationId, @Description, @HomepageUrl, @Email, @UpdatedAt)
            ON CONFLICT (organization_id) DO UPDATE
            SET description = excluded.description, homepage_url = excluded.homepage_url, email = excluded.email, updated_at = excluded.updated_at;
            """,
            profile, cancellationToken: cancellationToken));
        return profile;
    }
}
