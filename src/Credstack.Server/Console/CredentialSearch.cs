using System.Text;
using Credstack.Server.Awards;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Console;

/// <summary>
/// The console's credential search: the organization's awards filtered by achievement, part of the recipient,
/// state and issue date, newest first, a numbered page at a time with the total (people jump between pages;
/// the API's cursor paging is for programs).
/// </summary>
internal sealed class CredentialSearch(IConnectionFactory connections, TimeProvider time)
{
    public const int PageSize = 25;

    private const string Columns =
        "id, organization_id, achievement_id, achievement_version, recipient_type, recipient, credential_id, cryptosuite, status, status_reason, " +
        "status_changed_at, status_list_id, status_list_index, valid_from, valid_until, replaces_award_id, replaced_by_award_id, issued_by, " +
        "claimed_by_account_id, claimed_at, created_at";

    public async Task<(IReadOnlyList<Award> Awards, long Total)> SearchAsync(string organizationId, CredentialFilter filter, int page, CancellationToken cancellationToken)
    {
        var where = new StringBuilder(" FROM awards WHERE organization_id = @organizationId");
        if (filter.AchievementId is not null)
        {
            where.Append(" AND achievement_id = @achievementId");
        }

        if (filter.Recipient is not null)
        {
            where.Append(" AND recipient LIKE @recipient ESCAPE '\\'");
        }

        if (filter.Status is AwardStatuses.Expired)
        {
            where.Append(" AND valid_until IS NOT NULL AND valid_until <= @now");
        }
        else if (filter.Status is not null)
        {
            where.Append(" AND status = @status");
        }

        if (filter.From is not null)
        {
            where.Append(" AND created_at >= @from");
        }

        if (filter.To is not null)
        {
            where.Append(" AND created_at < @to");
        }

        var parameters = new
        {
            organizationId,
            achievementId = filter.AchievementId,
            recipient = filter.Recipient is { } r ? "%" + r.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%" : null,
            status = filter.Status,
            now = time.GetUtcNow(),
            from = filter.From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null,
            to = filter.To is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null,
            limit = PageSize,
            offset = (long)(Math.Max(page, 1) - 1) * PageSize,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*)" + where + ";", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Award>(new CommandDefinition(
            $"SELECT {Columns}{where} ORDER BY id DESC LIMIT @limit OFFSET @offset;", parameters, cancellationToken: cancellationToken));
        return ([.. rows], total);
    }
}
