using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Sharing;

/// <summary>
/// Sharing state and activity counters of credentials (<c>award_sharing</c>). Counters are upserts of one row per
/// credential, so a view or a verification is one statement and never blocks issuance.
/// </summary>
internal sealed class AwardSharingStore(IConnectionFactory connections, TimeProvider time)
{
    public async Task<AwardSharing?> FindAsync(string awardId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AwardSharing>(new CommandDefinition(
            """
            SELECT award_id, organization_id, is_public <> 0 AS is_public, public_since, views, verifications, last_viewed_at
            FROM award_sharing WHERE award_id = @awardId;
            """, new { awardId }, cancellationToken: cancellationToken));
    }

    /// <summary>Shows or hides the credential's public page; the caller has checked that the person may.</summary>
    public async Task SetPublicAsync(string awardId, string organizationId, bool isPublic, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO award_sharing (award_id, organization_id, is_public, public_since) VALUES (@awardId, @organizationId, @flag, @since)
            ON CONFLICT (award_id) DO UPDATE SET is_public = excluded.is_public, public_since = excluded.public_since;
            """,
            new { awardId, organizationId, flag = isPublic ? 1L : 0L, since = isPublic ? time.GetUtcNow() : (DateTimeOffset?)null },
            cancellationToken: cancellationToken));
    }

    public Task RecordViewAsync(string awardId, string organizationId, CancellationToken cancellationToken) =>
        CountAsync(awardId, organizationId, "views", cancellationToken);

    public Task RecordVerificationAsync(string awardId, string organizationId, CancellationToken cancellationToken) =>
        CountAsync(awardId, organizationId, "verifications", cancellationToken);

    /// <summary>Totals over the organization's credentials.</summary>
    public async Task<SharingActivity> ActivityAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Views, long Verifications, long PublicCredentials)>(new CommandDefinition(
            """
            SELECT COALESCE(SUM(views), 0), COALESCE(SUM(verifications), 0), COALESCE(SUM(CASE WHEN is_public <> 0 THEN 1 ELSE 0 END), 0)
            FROM award_sharing WHERE organization_id = @organizationId;
            """, new { organizationId }, cancellationToken: cancellationToken));
        return new SharingActivity(row.Views, row.Verifications, row.PublicCredentials);
    }

    private async Task CountAsync(string awardId, string organizationId, string column, CancellationToken cancellationToken)
    {
        var lastViewed = column == "views" ? ", last_viewed_at = excluded.last_viewed_at" : "";
        await using var connection = await connections.OpenAsync(cancellationToken);
        // column is one of two constants above, never input.
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO award_sharing (award_id, organization_id, {column}, last_viewed_at) VALUES (@awardId, @organizationId, 1, @now)
            ON CONFLICT (award_id) DO UPDATE SET {column} = award_sharing.{column} + 1{lastViewed};
            """,
            new { awardId, organizationId, now = column == "views" ? time.GetUtcNow() : (DateTimeOffset?)null },
            cancellationToken: cancellationToken));
    }
}
