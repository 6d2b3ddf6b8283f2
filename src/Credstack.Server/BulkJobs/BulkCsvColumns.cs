namespace Credstack.Server.BulkJobs;

/// <summary>
/// The columns of a bulk issuance CSV (comma-separated, UTF-8, a header row; names are case-insensitive,
/// order is free). One of <see cref="Email"/> or <see cref="Did"/> per row; <see cref="AchievementId"/>
/// unless the upload names one achievement for the whole file; <c>result:&lt;resultDescription id&gt;</c>
/// columns give result values.
/// </summary>
internal static class BulkCsvColumns
{
    public const string RowKey = "row_key";
    public const string Email = "email";
    public const string Did = "did";
    public const string AchievementId = "achievement_id";
    public const string AchievementVersion = "achievement_version";
    public const string Name = "name";
    public const string Narrative = "narrative";
    public const string EvidenceUrl = "evidence_url";
    public const string EvidenceNarrative = "evidence_narrative";
    public const string ResultPrefix = "result:";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        RowKey, Email, Did, AchievementId, AchievementVersion, Name, Narrative, EvidenceUrl, EvidenceNarrative,
    };
}
