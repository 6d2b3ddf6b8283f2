using System.Text.RegularExpressions;
using Credstack.Credentials.Model;

namespace Credstack.Server.Achievements;

/// <summary>
/// The rules for an <see cref="AchievementDefinition"/>, each error keyed by the field's JSON path
/// (<c>alignments[1].targetUrl</c>) so a form can show it beside the field. Values come back
/// trimmed, with empty strings and lists as absent.
/// </summary>
internal static partial class AchievementValidation
{
    public const int MaxShortText = 200;
    public const int MaxDescription = 10_000;
    public const int MaxNarrative = 50_000;
    public const int MaxAlignments = 100;
    public const int MaxResultDescriptions = 20;
    public const int MaxTags = 50;
    public const double MaxCredits = 10_000;

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex LanguageTag();

    public static Dictionary<string, string[]> Validate(AchievementDefinition input, out AchievementDefinition normalized)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string field, string message) => errors[field] = [message];

        var name = Required(input.Name, "name", "A name is required.", MaxShortText, Error);
        var description = Required(input.Description, "description", "A description is required.", MaxDescription, Error);

        var narrative = Optional(input.Criteria?.Narrative, "criteria.narrative", MaxNarrative, Error);
        var criteriaUrl = Optional(input.Criteria?.Url, "criteria.url", 2000, Error);
        if (criteriaUrl is not null && !IsWebUrl(criteriaUrl))
        {
            Error("criteria.url", "The criteria URL is an absolute http or https URL.");
        }

        if (narrative is null && criteriaUrl is null && !errors.ContainsKey("criteria.narrative") && !errors.ContainsKey("criteria.url"))
        {
            Error("criteria", "Describe the criteria with a narrative (Markdown), a URL, or both.");
        }

        var achievementType = Optional(input.AchievementType, "achievementType", MaxShortText, Error);
        if (achievementType is not null && !AchievementType.IsValid(achievementType))
        {
            Error("achievementType", "The achievement type is an Open Badges 3.0 AchievementType (such as Certificate, Badge, Course, MicroCredential) or an extension term starting with 'ext:'.");
        }

        var alignments = new List<AlignmentDefinition>();
        var inputAlignments = input.Alignments ?? [];
        if (inputAlignments.Count > MaxAlignments)
        {
            Error("alignments", $"At most {MaxAlignments} alignments.");
        }
        else
        {
            for (var i = 0; i < inputAlignments.Count; i++)
            {
                var path = $"alignments[{i}]";
                if (inputAlignments[i] is not { } a)
                {
                    Error(path, "An alignment is an object.");
                    continue;
                }

                var targetName = Required(a.TargetName, path + ".targetName", "The target's name is required.", MaxShortText, Error);
                var targetUrl = Required(a.TargetUrl, path + ".targetUrl", "The target's URL is required.", 2000, Error);
                if (targetUrl is not null && !IsWebUrl(targetUrl))
                {
                    Error(path + ".targetUrl", "The target URL is an absolute http or https URL.");
                }

                var targetType = Optional(a.TargetType, path + ".targetType", MaxShortText, Error);
                if (targetType is not null && !AlignmentTargetType.IsValid(targetType))
                {
                    Error(path + ".targetType", "The target type is an Open Badges 3.0 AlignmentTargetType (ceasn:Competency, ceterms:Credential, CFItem, CFRubric, CFRubricCriterion, CFRubricCriterionLevel, CTDL) or an 'ext:' term.");
                }

                alignments.Add(new AlignmentDefinition(
                    targetName,
                    targetUrl,
                    Optional(a.TargetDescription, path + ".targetDescription", MaxDescription, Error),
                    Optional(a.TargetFramework, path + ".targetFramework", MaxShortText, Error),
                    Optional(a.TargetCode, path + ".targetCode", MaxShortText, Error),
                    targetType));
            }
        }

        if (input.CreditsAvailable is { } credits && (!double.IsFinite(credits) || credits < 0 || credits > MaxCredits))
        {
            Error("creditsAvailable", $"Credits are a number from 0 to {MaxCredits}.");
        }

        var results = new List<ResultDescriptionDefinition>();
        var inputResults = input.ResultDescriptions ?? [];
        if (inputResults.Count > MaxResultDescriptions)
        {
            Error("resultDescriptions", $"At most {MaxResultDescriptions} result descriptions.");
        }
        else
        {
            for (var i = 0; i < inputResults.Count; i++)
            {
                var path = $"resultDescriptions[{i}]";
                if (inputResults[i] is not { } r)
                {
                    Error(path, "A result description is an object.");
                    continue;
                }

                var resultType = Required(r.ResultType, path + ".resultType", "The result type is required.", MaxShortText, Error);
                if (resultType is not null && !ResultType.IsValid(resultType))
                {
                    Error(path + ".resultType", "The result type is an Open Badges 3.0 ResultType (such as LetterGrade, Percent, Status, GradePointAverage) or an 'ext:' term.");
                }

                var allowed = (r.AllowedValues ?? []).Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
                if (allowed.Count > 100 || allowed.Any(v => v.Length > MaxShortText))
                {
                    Error(path + ".allowedValues", $"At most 100 allowed values of at most {MaxShortText} characters.");
                }

                results.Add(new ResultDescriptionDefinition(
                    Required(r.Name, path + ".name", "The result's name is required.", MaxShortText, Error),
                    resultType,
                    allowed.Count == 0 ? null : allowed,
                    Optional(r.RequiredValue, path + ".requiredValue", MaxShortText, Error),
                    Optional(r.ValueMin, path + ".valueMin", MaxShortText, Error),
                    Optional(r.ValueMax, path + ".valueMax", MaxShortText, Error)));
            }
        }

        var tags = (input.Tags ?? []).Select(t => t?.Trim()).Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > MaxTags || tags.Any(t => t.Length > 100))
        {
            Error("tags", $"At most {MaxTags} tags of at most 100 characters.");
        }

        var language = Optional(input.InLanguage, "inLanguage", 35, Error);
        if (language is not null && !LanguageTag().IsMatch(language))
        {
            Error("inLanguage", "The language is a BCP 47 tag such as 'en' or 'en-GB'.");
        }

        var expiry = input.Expiry;
        if (expiry is not null)
        {
            switch (expiry.Kind)
            {
                case null or ExpiryPolicy.None:
                    expiry = null;
                    break;
                case ExpiryPolicy.Fixed when expiry.Date is null:
                    Error("expiry.date", "A fixed expiry needs a date.");
                    break;
                case ExpiryPolicy.Fixed:
                    expiry = new ExpiryPolicy(ExpiryPolicy.Fixed, expiry.Date.Value.ToUniversalTime());
                    break;
                case ExpiryPolicy.AfterIssuance when !IsoDuration.TryParse(expiry.Duration?.Trim(), out _):
                    Error("expiry.duration", "The duration is an ISO 8601 duration of whole units such as P2Y, P6M, P90D or P1Y6M.");
                    break;
                case ExpiryPolicy.AfterIssuance:
                    expiry = new ExpiryPolicy(ExpiryPolicy.AfterIssuance, Duration: expiry.Duration!.Trim());
                    break;
                default:
                    Error("expiry.kind", "The expiry kind is 'none', 'fixed' or 'duration'.");
                    break;
            }
        }

        normalized = new AchievementDefinition(
            name,
            description,
            new CriteriaDefinition(narrative, criteriaUrl),
            achievementType,
            alignments.Count == 0 ? null : alignments,
            input.CreditsAvailable,
            Optional(input.FieldOfStudy, "fieldOfStudy", MaxShortText, Error),
            Optional(input.Specialization, "specialization", MaxShortText, Error),
            Optional(input.HumanCode, "humanCode", MaxShortText, Error),
            Optional(input.Level, "level", MaxShortText, Error),
            results.Count == 0 ? null : results,
            tags.Count == 0 ? null : tags,
            language,
            Optional(input.ImageId, "imageId", 64, Error),
            Optional(input.ImageCaption, "imageCaption", MaxShortText, Error),
            expiry);
        return errors;
    }

    internal static bool IsWebUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    private static string? Required(string? value, string field, string missing, int max, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            error(field, missing);
            return null;
        }

        return Optional(value, field, max, error);
    }

    private static string? Optional(string? value, string field, int max, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > max)
        {
            error(field, $"At most {max} characters.");
        }

        return trimmed;
    }
}
