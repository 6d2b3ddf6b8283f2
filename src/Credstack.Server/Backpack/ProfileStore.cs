using System.Text.RegularExpressions;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Backpack;

/// <summary>
/// Public profiles: a handle each person chooses (unique across the server) and whether <c>/people/{handle}</c> is shown.
/// The public page lists only the person's claimed credentials they made public through sharing (<c>award_sharing</c>).
/// </summary>
internal sealed partial class ProfileStore(IConnectionFactory connections, TimeProvider time)
{
    public const int MaxHeadlineLength = 200;

    /// <summary>Why <paramref name="handle"/> cannot be a handle, or null when it can.</summary>
    public static string? HandleProblem(string? handle) =>
        handle is not null && HandlePattern().IsMatch(handle)
            ? null
            : "Choose a handle of 3 to 30 lower-case letters, digits and hyphens, starting and ending with a letter or digit.";

    public async Task<PublicProfile?> FindAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PublicProfile>(new CommandDefinition(
            "SELECT account_id, handle, headline, is_public <> 0 AS is_public, updated_at FROM backpack_profiles WHERE account_id = @accountId;",
            new { accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>The profile at <paramref name="handle"/> when its owner shows it; null otherwise (unknown and hidden look the same).</summary>
    public async Task<PublicProfile?> FindShownAsync(string handle, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PublicProfile>(new CommandDefinition(
            "SELECT account_id, handle, headline, is_public <> 0 AS is_public, updated_at FROM backpack_profiles WHERE handle = @handle AND is_public <> 0;",
            new { handle = handle.ToLowerInvariant() }, cancellationToken: cancellationToken));
    }

    /// <summary>Saves the person's profile; false when another person has the handle.</summary>
    public async Task<bool> SaveAsync(string accountId, string handle, string? headline, bool isPublic, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var owner = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT account_id FROM backpack_profiles WHERE handle = @handle;", new { handle }, cancellationToken: cancellationToken));
        if (owner is not null && !string.Equals(owner, accountId, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO backpack_profiles (account_id, handle, headline, is_public, updated_at) VALUES (@accountId, @handle, @headline, @flag, @now)
                ON CONFLICT (account_id) DO UPDATE SET handle = excluded.handle, headline = excluded.headline, is_public = excluded.is_public, updated_at = excluded.updated_at;
                """,
                new { accountId, handle, headline, flag = isPublic ? 1L : 0L, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
            return true;
        }
        catch (System.Data.Common.DbException e) when (IsUniqueViolation(e))
        {
            // Another person took the handle between the check and the write.
            return false;
        }
    }

    /// <summary>The ids of the person's claimed credentials that they made public, newest claim first.</summary>
    public async Task<IReadOnlyList<string>> PublicAwardIdsAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT a.id FROM awards a JOIN award_sharing s ON s.award_id = a.id
            WHERE a.claimed_by_account_id = @accountId AND s.is_public <> 0 ORDER BY a.claimed_at DESC, a.id DESC;
            """, new { accountId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    private static bool IsUniqueViolation(System.Data.Common.DbException e) =>
        e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: "23505" };

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,28})[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex HandlePattern();
}
