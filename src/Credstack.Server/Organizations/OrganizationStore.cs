using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Organizations;

/// <summary>Organizations in the database (SQL shared by both providers).</summary>
internal sealed class OrganizationStore(IConnectionFactory connections, TimeProvider time)
{
    private const string Columns = "id, name, kind, created_at";

    /// <summary>Creates an organization with <paramref name="ownerAccountId"/> as its first owner, atomically.</summary>
    public async Task<Organization> CreateAsync(string name, string kind, string ownerAccountId, CancellationToken cancellationToken, string? id = null)
    {
        var organization = new Organization { Id = id ?? EntityId.New(time), Name = name, Kind = kind, CreatedAt = time.GetUtcNow() };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO organizations (id, name, kind, created_at) VALUES (@Id, @Name, @Kind, @CreatedAt);",
            organization, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO memberships (organization_id, account_id, role, created_at) VALUES (@OrganizationId, @AccountId, @Role, @CreatedAt);",
            new { OrganizationId = organization.Id, AccountId = ownerAccountId, Role = OrgRole.Owner.ToName(), organization.CreatedAt },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return organization;
    }

    public async Task<Organization?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Organization>(new CommandDefinition(
            $"SELECT {Columns} FROM organizations WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
    }
}
