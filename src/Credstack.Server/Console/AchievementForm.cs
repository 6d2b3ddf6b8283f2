using System.Globalization;
using Credstack.Server.Achievements;

namespace Credstack.Server.Console;

/// <summary>
/// The achievement form's fields as posted (flat strings, a few alignment rows), and their mapping to and from
/// an <see cref="AchievementDefinition"/>. The rules are <see cref="AchievementValidation"/>'s; this class only
/// turns text boxes into the definition and names the field each error belongs to.
/// </summary>
internal sealed class AchievementForm
{
    /// <summary>Empty alignment rows offered beyond the filled ones.</summary>
    public const int SpareAlignments = 2;

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? CriteriaNarrative { get; set; }

    public string? CriteriaUrl { get; set; }

    public string? AchievementType { get; set; }

    public string? Level { get; set; }

    public string? CreditsAvailable { get; set; }

    public string? FieldOfStudy { get; set; }

    public string? HumanCode { get; set; }

    public string? Tags { get; set; }

    public string? InLanguage { get; set; }

    /// <summary>The image already chosen (kept across a preview or an edit).</summary>
    public string? ImageId { get; set; }

    public string? ImageCaption { get; set; }

    public bool RemoveImage { get; set; }

    public string? ExpiryKind { get; set; }

    public string? ExpiryDate { get; set; }

    public string? ExpiryDuration { get; set; }

    public List<AlignmentForm> Alignments { get; set; } = [];

    /// <summary>Form fields by the <see cref="AchievementValidation"/> error keys they show.</summary>
    public static string FieldFor(string errorKey) => errorKey switch
    {
        "criteria" or "criteria.narrative" => "criteriaNarrative",
        "criteria.url" => "criteriaUrl",
        "expiry.date" => "expiryDate",
        "expiry.duration" => "expiryDuration",
        "expiry.kind" => "expiryKind",
        "imageId" => "image",
        _ when errorKey.StartsWith("alignments[", StringComparison.Ordinal) => errorKey.Replace("].", "]_", StringComparison.Ordinal).Replace("[", "_", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal),
        _ => errorKey,
    };

    public static AchievementForm From(AchievementDefinition definition) => new()
    {
        Name = definition.Name,
        Description = definition.Description,
        CriteriaNarrative = definition.Criteria?.Narrative,
        CriteriaUrl = definition.Criteria?.Url,
        AchievementType = definition.AchievementType,
        Level = definition.Level,
        CreditsAvailable = definition.CreditsAvailable?.ToString(CultureInfo.InvariantCulture),
        FieldOfStudy = definition.FieldOfStudy,
        HumanCode = definition.HumanCode,
        Tags = definition.Tags is { } tags ? string.Join(", ", tags) : null,
        InLanguage = definition.InLanguage,
        ImageId = definition.ImageId,
        ImageCaption = definition.ImageCaption,
        ExpiryKind = definition.Expiry?.Kind ?? ExpiryPolicy.None,
        ExpiryDate = definition.Expiry?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ExpiryDuration = definition.Expiry?.Duration,
        Alignments = [.. (definition.Alignments ?? []).Select(a => new AlignmentForm
        {
            TargetName = a.TargetName,
            TargetUrl = a.TargetUrl,
            TargetFramework = a.TargetFramework,
            TargetCode = a.TargetCode,
            TargetDescription = a.TargetDescription,
            TargetType = a.TargetType,
        })],
    };

    /// <summary>
    /// The definition the form describes (kept as typed for <see cref="AchievementValidation"/> to judge), and the
    /// errors only the form can have (a credit or date that is not a number or a date).
    /// </summary>
    public AchievementDefinition ToDefinition(string? imageId, Dictionary<string, string[]> errors)
    {
        double? credits = null;
        if (!string.IsNullOrWhiteSpace(CreditsAvailable))
        {
            if (double.TryParse(CreditsAvailable.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                credits = parsed;
            }
            else
            {
                errors["creditsAvailable"] = ["Credits are a number such as 5 or 2.5."];
            }
        }

        ExpiryPolicy? expiry = null;
        switch (ExpiryKind)
        {
            case ExpiryPolicy.Fixed:
                DateTimeOffset? date = null;
                if (DateOnly.TryParseExact(ExpiryDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    date = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                }
                else if (!string.IsNullOrWhiteSpace(ExpiryDate))
                {
                    errors["expiry.date"] = ["The expiry date is a date such as 2027-06-30."];
                }

                expiry = new ExpiryPolicy(ExpiryPolicy.Fixed, date);
                break;
            case ExpiryPolicy.AfterIssuance:
                expiry = new ExpiryPolicy(ExpiryPolicy.AfterIssuance, Duration: ExpiryDuration);
                break;
            case null or "" or ExpiryPolicy.None:
                break;
            default:
                expiry = new ExpiryPolicy(ExpiryKind);
                break;
        }

        var alignments = Alignments.Where(a => !a.IsEmpty).Select(a => new AlignmentDefinition(
            a.TargetName, a.TargetUrl, a.TargetDescription, a.TargetFramework, a.TargetCode, string.IsNullOrWhiteSpace(a.TargetType) ? null : a.TargetType)).ToList();
        return new AchievementDefinition(
            Name,
            Description,
            new CriteriaDefinition(CriteriaNarrative, CriteriaUrl),
            string.IsNullOrWhiteSpace(AchievementType) ? null : AchievementType,
            alignments,
            credits,
            FieldOfStudy,
            null,
            HumanCode,
            Level,
            null,
            Tags?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            InLanguage,
            imageId,
            ImageCaption,
            expiry);
    }

    /// <summary>The filled alignment rows first (so error keys <c>alignments[i]</c> match the rows shown), then spare empty rows.</summary>
    public void Compact()
    {
        Alignments = [.. Alignments.Where(a => !a.IsEmpty)];
        for (var i = 0; i < SpareAlignments; i++)
        {
            Alignments.Add(new AlignmentForm());
        }
    }
}
