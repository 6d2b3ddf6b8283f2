using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>The credentials people hold, in the database; every query is scoped to one account.</summary>
internal sealed class HeldCredentialStore(IConnectionFactory connections, TimeProvider time)
{
    private const string Columns = "id, account_id, issuer_id, credential_id, format, content, verification, issued_at, source, created_at, updated_at";

    /// <summary>
    /// Stores the credential, replacing the account's credential with the same issuer and id; returns true when it was
    /// new. Update-then-insert, retried once, so two parallel upserts of one credential both succeed on either provider.
    /// </summary>
    public async Task<bool> UpsertAsync(string accountId, string issuerId, string credentialId, string format, byte[] content, string verification,
        DateTimeOffset? issuedAt, string source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var row = new HeldCredential
        {
            Id = EntityId.New(time),
            AccountId = accountId,
            IssuerId = issuerId,
            CredentialId = credentialId,
            Format = format,
            Content = content,
            Verification = verification,
            IssuedAt = issuedAt,
            Source = source,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE held_credentials SET format = @Format, content = @Content, verification = @Verification, issued_at = @IssuedAt,
                    source = @Source, updated_at = @UpdatedAt
                WHERE account_id = @AccountId AND issuer_id = @IssuerId AND credential_id = @CredentialId;
                """,
                row, cancellationToken: cancellationToken));
            if (updated > 0)
            {
                return false;
            }

            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO held_credentials ({Columns})
                VALUES (@Id, @AccountId, @IssuerId, @CredentialId, @Format, @Content, @Verification, @IssuedAt, @Source, @CreatedAt, @UpdatedAt)
                ON CONFLICT (account_id, issuer_id, credential_id) DO NOTHING;
                """,
                row, cancellationToken: cancellationToken));
            if (inserted == 1)
            {
                return true;
            }
        }

        throw new InvalidOperationException("a held credential could neither be updated nor inserted");
    }

    /// <summary>How many credentials the account holds (issued after <paramref name="since"/>, when given).</summary>
    public async Task<long> CountAsync(string accountId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM held_credentials WHERE account_id = @accountId AND (@filter = 0 OR issued_at > @since);",
            new { accountId, filter = since is null ? 0 : 1, since = since ?? DateTimeOffset.UnixEpoch }, cancellationToken: cancellationToken));
    }

    /// <summary>One page of the account's credentials, oldest first (a stable order for paging).</summary>
    public async Task<IReadOnlyList<HeldCredential>> ListAsync(string accountId, DateTimeOffset? since, int limit, long offset, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HeldCredential>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM held_credentials
            WHERE account_id = @accountId AND (@filter = 0 OR issued_at > @since)
            ORDER BY created_at, id LIMIT @limit OFFSET @offset;
            """,
            new { accountId, filter = since is null ? 0 : 1, since = since ?? DateTimeOffset.UnixEpoch, limit, offset }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
