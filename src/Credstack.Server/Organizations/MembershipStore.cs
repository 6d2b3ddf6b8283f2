using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Organizations;

/// <summary>Who belongs to which organization, in which role.</summary>
internal sealed class MembershipStore(IConnectionFactory connections, TimeProvider time)
{
    private const string Select = """
        SELECT m.organization_id, o.name AS organization_name, m.account_id, a.email, a.display_name, m.role, m.created_at
        FROM memberships m
        JOIN organizations o ON o.id = m.organization_id
        JOIN accounts a ON a.id = m.account_id
        """;

    /// <summary>The account's role in the organization, or null when it is not a member (or the organization does not exist).</summary>
    public async Task<OrgRole?> FindRoleAsync(string organizationId, string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var role = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT role FROM memberships WHERE organization_id = @organizationId AND account_id = @accountId;",
            new { organizationId, accountId }, cancellationToken: cancellationToken));
        return role is null ? null : OrgRoles.Parse(role);
    }

    public async Task<IReadOnlyList<Membership>> ListByOrganizationAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Membership>(new CommandDefinition(
            Select + " WHERE m.organization_id = @organizationId ORDER BY a.email;", new { organizationId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<IReadOnlyList<Membership>> ListByAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Membership>(new CommandDefinition(
            Select + " WHERE m.account_id = @accountId ORDER BY o.name, o.id;", new { accountId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<Membership?> FindAsync(string organizationId, string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Membership>(new CommandDefinition(
            Select + " WHERE m.organization_id = @organizationId AND m.account_id = @accountId;",
            new { organizationId, accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>Adds a member; false when the account is already a member.</summary>
    public async Task<bool> AddAsync(string organizationId, string accountId, OrgRole role, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO memberships (organization_id, account_id, role, created_at) VALUES (@organizationId, @accountId, @role, @createdAt)
            ON CONFLICT (organization_id, account_id) DO NOTHING;
            """,
            new { organizationId, accountId, role = role.ToName(), createdAt = time.GetUtcNow() }, cancellationToken: cancellationToken));
        return added == 1;
    }

    /// <summary>
    /// Removes a member unless that would leave the organization without an owner. The owner count
    /// is checked inside the DELETE; under READ COMMITTED two owners removing each other in the same
    /// instant could still both succeed, a race accepted for an operation people do by hand.
    /// </summary>
    public async Task<MemberRemoval> RemoveAsync(string organizationId, string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM memberships
            WHERE organization_id = @organizationId AND account_id = @accountId
              AND (role <> 'owner' OR (SELECT COUNT(*) FROM memberships o WHERE o.organization_id = @organizationId AND o.role = 'owner') > 1);
            """,
            new { organizationId, accountId }, cancellationToken: cancellationToken));
        if (removed == 1)
        {
            return MemberRemoval.Removed;
        }

        var role = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT role FROM memberships WHERE organization_id = @organizationId AND account_id = @accountId;",
            new { organizationId, accountId }, cancellationToken: cancellationToken));
        return role is null ? MemberRemoval.NotAMember : MemberRemoval.LastOwner;
    }

    /// <summary>
    /// Changes a member's role unless that would leave the organization without an owner (checked inside the
    /// UPDATE, with the race accepted as for <see cref="RemoveAsync"/>). <see cref="MemberRemoval.Removed"/> means changed.
    /// </summary>
    public async Task<MemberRemoval> ChangeRoleAsync(string organizationId, string accountId, OrgRole role, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE memberships SET role = @role
            WHERE organization_id = @organizationId AND account_id = @accountId
              AND (role <> 'owner' OR @role = 'owner' OR (SELECT COUNT(*) FROM memberships o WHERE o.organization_id = @organizationId AND o.role = 'owner') > 1);
            """,
            new { organizationId, accountId, role = role.ToName() }, cancellationToken: cancellationToken));
        if (changed == 1)
        {
            return MemberRemoval.Removed;
        }

        var current = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT role FROM memberships WHERE organization_id = @organizationId AND account_id = @accountId;",
            new { organizationId, accountId }, cancellationToken: cancellationToken));
        return current is null ? MemberRemoval.NotAMember : MemberRemoval.LastOwner;
    }
}
