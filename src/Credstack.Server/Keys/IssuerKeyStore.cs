using System.Globalization;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Keys;

/// <summary>Issuer signing keys in the database (SQL shared by both providers).</summary>
internal sealed class IssuerKeyStore(IConnectionFactory connections, TimeProvider time)
{
    private const string Columns = "id, organization_id, fragment, key_type, public_jwk, protected_private_key, status, created_at, retired_at";

    /// <summary>Every key of the organization, current and retired, oldest first.</summary>
    public async Task<IReadOnlyList<IssuerKey>> ListAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IssuerKey>(new CommandDefinition(
            $"SELECT {Columns} FROM issuer_keys WHERE organization_id = @organizationId ORDER BY created_at, LENGTH(fragment), fragment;",
            new { organizationId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<IssuerKey?> FindActiveAsync(string organizationId, string keyType, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IssuerKey>(new CommandDefinition(
            $"SELECT {Columns} FROM issuer_keys WHERE organization_id = @organizationId AND key_type = @keyType AND status = 'active';",
            new { organizationId, keyType }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Adds a new active key of its type, first retiring the active one when <paramref name="retireCurrent"/>
    /// (rotation), all in one transaction. Null when another active key of the type got there first
    /// (the unique index on active keys decides, on both providers).
    /// </summary>
    public async Task<IssuerKey?> AddActiveAsync(string organizationId, string keyType, string publicJwk, string protectedPrivateKey, bool retireCurrent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (retireCurrent)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE issuer_keys SET status = 'retired', retired_at = @now WHERE organization_id = @organizationId AND key_type = @keyType AND status = 'active';",
                new { organizationId, keyType, now }, transaction, cancellationToken: cancellationToken));
        }

        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM issuer_keys WHERE organization_id = @organizationId;", new { organizationId }, transaction, cancellationToken: cancellationToken));
        var key = new IssuerKey
        {
            Id = EntityId.New(time),
            OrganizationId = organizationId,
            Fragment = "key-" + (count + 1).ToString(CultureInfo.InvariantCulture),
            KeyType = keyType,
            PublicJwk = publicJwk,
            ProtectedPrivateKey = protectedPrivateKey,
            Status = IssuerKeyStatus.Active,
            CreatedAt = now,
        };
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO issuer_keys ({Columns})
            VALUES (@Id, @OrganizationId, @Fragment, @KeyType, @PublicJwk, @ProtectedPrivateKey, @Status, @CreatedAt, NULL)
            ON CONFLICT DO NOTHING;
            """,
            key, transaction, cancellationToken: cancellationToken));
        if (inserted != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return key;
    }
}
