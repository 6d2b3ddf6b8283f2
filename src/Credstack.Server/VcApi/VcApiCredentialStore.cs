using Credstack.Server.StatusLists;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.VcApi;

/// <summary>VC-API credentials in the database (SQL shared by both providers); every query is scoped by organization.</summary>
internal sealed class VcApiCredentialStore(IConnectionFactory connections, StatusListStore statusLists, TimeProvider time)
{
    /// <summary>The longest credential id kept (UTF-8 bytes): it is indexed, and a PostgreSQL B-tree entry holds at most ~2.7 kB.</summary>
    public const int MaxCredentialIdBytes = 2000;

    private const string Columns = "id, organization_id, credential_id, status, status_changed_at, status_list_id, status_list_index, issued_by, created_at";

    public async Task InsertAsync(VcApiCredential credential, byte[] signed, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO vc_api_credentials (id, organization_id, credential_id, credential, status, status_changed_at, status_list_id, status_list_index, issued_by, created_at)
            VALUES (@Id, @OrganizationId, @CredentialId, @Signed, @Status, NULL, @StatusListId, @StatusListIndex, @IssuedBy, @CreatedAt);
            """,
            new
            {
                credential.Id,
                credential.OrganizationId,
                credential.CredentialId,
                Signed = signed,
                credential.Status,
                credential.StatusListId,
                credential.StatusListIndex,
                credential.IssuedBy,
                credential.CreatedAt,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>The organization's credentials with this id (a client may have had the same id signed more than once).</summary>
    public async Task<IReadOnlyList<VcApiCredential>> FindAsync(string organizationId, string credentialId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VcApiCredential>(new CommandDefinition(
            $"SELECT {Columns} FROM vc_api_credentials WHERE organization_id = @organizationId AND credential_id = @credentialId ORDER BY id;",
            new { organizationId, credentialId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>
    /// Moves every credential of the organization with this id from <paramref name="from"/> to <paramref name="to"/> and
    /// marks their status lists changed, in one transaction; returns how many moved (0 when none was in <paramref name="from"/>).
    /// </summary>
    public async Task<int> ChangeStatusAsync(string organizationId, string credentialId, string from, string to, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var lists = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            UPDATE vc_api_credentials SET status = @to, status_changed_at = @now
            WHERE organization_id = @organizationId AND credential_id = @credentialId AND status = @from
            RETURNING status_list_id;
            """,
            new { organizationId, credentialId, from, to, now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken))).ToList();
        foreach (var listId in lists.Distinct(StringComparer.Ordinal))
        {
            await statusLists.MarkChangedAsync(connection, transaction, listId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return lists.Count;
    }
}
