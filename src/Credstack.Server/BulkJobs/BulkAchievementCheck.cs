using Credstack.Server.Awards;

namespace Credstack.Server.BulkJobs;

/// <summary>
/// The second half of a dry run, after <see cref="BulkCsvParser"/>: rows naming an achievement the organization
/// does not have (or has archived) are invalid. Used by the bulk-job endpoint and the console's bulk page.
/// </summary>
internal static class BulkAchievementCheck
{
    /// <summary>Every row whose achievement the organization does not have (or has archived) gets an error, in line order.</summary>
    public static async Task<(List<BulkRow> Rows, List<BulkRowError> Errors, int ErrorCount)> CheckAsync(
        string organizationId, BulkCsv csv, IAchievementCatalog achievements, CancellationToken cancellationToken)
    {
        var known = new Dictionary<(string, long?), string?>();
        foreach (var key in csv.Rows.Select(r => (r.Request.AchievementId!.Trim(), r.Request.AchievementVersion)).Distinct())
        {
            var achievement = await achievements.FindAsync(organizationId, key.Item1, key.AchievementVersion, cancellationToken);
            known[key] = achievement is null
                ? key.AchievementVersion is { } v ? $"The organization has no achievement '{key.Item1}' with version {v}." : $"The organization has no achievement '{key.Item1}'."
                : achievement.Archived ? $"The achievement '{key.Item1}' is archived; unarchive it to award it." : null;
        }

        var rows = new List<BulkRow>(csv.Rows.Count);
        var errors = new List<BulkRowError>(csv.Errors);
        var errorCount = csv.ErrorCount;
        foreach (var row in csv.Rows)
        {
            if (known[(row.Request.AchievementId!.Trim(), row.Request.AchievementVersion)] is { } message)
            {
                errorCount++;
                if (errors.Count < BulkCsvParser.MaxListedErrors)
                {
                    errors.Add(new BulkRowError(row.Line, row.RowKey, BulkCsvColumns.AchievementId, message));
                }
            }
            else
            {
                rows.Add(row);
            }
        }

        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (rows, errors, errorCount);
    }
}
