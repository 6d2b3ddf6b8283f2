using System.Security.Cryptography;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Backpack;

/// <summary>
/// A person's backpack in the database: the awards of this server they claimed (read from <c>awards</c>), and the
/// credentials they imported (<c>backpack_credentials</c>, with the pending imports of the two-step import). Every
/// query names the account, so one person never reads another's items.
/// </summary>
internal sealed class BackpackStore(IConnectionFactory connections, TimeProvider time)
{
    /// <summary>How long a verified import waits for the person to confirm it.</summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromHours(1);

    private const string ImportedColumns =
        "id, account_id, content, media_type, sha256, source, name, issuer_name, issuer_id, valid_from, valid_until, last_verdict, verified_at, created_at";

    public async Task<IReadOnlyList<ClaimedCredential>> ListClaimedAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClaimedCredential>(new CommandDefinition(
            """
            SELECT id, organization_id, status, status_reason, valid_from, valid_until, claimed_at, credential FROM awards
            WHERE claimed_by_account_id = @accountId ORDER BY claimed_at DESC, id DESC;
            """, new { accountId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<IReadOnlyList<ImportedCredential>> ListImportedAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImportedCredential>(new CommandDefinition(
            $"SELECT {ImportedColumns} FROM backpack_credentials WHERE account_id = @accountId ORDER BY id DESC;",
            new { accountId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<ImportedCredential?> FindImportedAsync(string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ImportedCredential>(new CommandDefinition(
            $"SELECT {ImportedColumns} FROM backpack_credentials WHERE id = @id AND account_id = @accountId;",
            new { id, accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>Records the verdict of a fresh verification of an imported credential.</summary>
    public async Task RecordVerdictAsync(string accountId, string id, string verdict, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE backpack_credentials SET last_verdict = @verdict, verified_at = @now WHERE id = @id AND account_id = @accountId;",
            new { id, accountId, verdict, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>Removes an imported credential; false when the person has no such item.</summary>
    public async Task<bool> RemoveImportedAsync(string accountId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM backpack_credentials WHERE id = @id AND account_id = @accountId;",
            new { id, accountId }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Keeps verified bytes for the person to confirm; returns the opaque reference. Drops expired pending imports.</summary>
    public async Task<string> AddPendingAsync(string accountId, byte[] content, string mediaType, string? source, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM backpack_pending_imports WHERE expires_at <= @now;", new { now }, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO backpack_pending_imports (id, account_id, content, media_type, source, created_at, expires_at)
            VALUES (@id, @accountId, @content, @mediaType, @source, @now, @expires);
            """,
            new { id, accountId, content, mediaType, source, now, expires = now + PendingLifetime }, cancellationToken: cancellationToken));
        return id;
    }

    /// <summary>The person's pending import, when it exists and has not expired.</summary>
    public async Task<PendingImport?> FindPendingAsync(string accountId, string id, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 64)
        {
            return null;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PendingImport>(new CommandDefinition(
            """
            SELECT id, account_id, content, media_type, source, created_at, expires_at FROM backpack_pending_imports
            WHERE id = @id AND account_id = @accountId AND expires_at > @now;
            """, new { id, accountId, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Moves a pending import into the backpack in one transaction: the pending row is used up and the credential stored,
    /// or nothing changes. The outcome says which credential holds the bytes when they were already kept.
    /// </summary>
    public async Task<KeepOutcome> KeepAsync(PendingImport pending, CredentialFacts facts, string verdict, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pending.Content));
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var taken = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM backpack_pending_imports WHERE id = @Id AND account_id = @AccountId;", pending, transaction, cancellationToken: cancellationToken));
        if (taken != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return KeepOutcome.Gone;
        }

        var existing = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT id FROM backpack_credentials WHERE account_id = @accountId AND sha256 = @sha256;",
            new { accountId = pending.AccountId, sha256 }, transaction, cancellationToken: cancellationToken));
        if (existing is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            return KeepOutcome.AlreadyKept(existing);
        }

        var id = EntityId.New(time);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO backpack_credentials ({ImportedColumns})
            VALUES (@id, @accountId, @content, @mediaType, @sha256, @source, @name, @issuerName, @issuerId, @validFrom, @validUntil, @verdict, @now, @now);
            """,
            new
            {
                id,
                accountId = pending.AccountId,
                content = pending.Content,
                mediaType = pending.MediaType,
                sha256,
                source = pending.Source,
                name = Clip(facts.Name, 300),
                issuerName = Clip(facts.IssuerName, 300),
                issuerId = Clip(facts.IssuerId, 2000),
                validFrom = facts.ValidFrom,
                validUntil = facts.ValidUntil,
                verdict,
                now,
            },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return KeepOutcome.Kept(id);
    }

    private static string? Clip(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}
