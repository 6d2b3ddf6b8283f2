using System.Text.RegularExpressions;
using Credstack.Credentials.Model;
using Credstack.Server.Accounts;

namespace Credstack.Server.Awards;

/// <summary>The rules for award requests; errors are keyed by the JSON path of the field (with a prefix for batch items).</summary>
internal static partial class AwardValidation
{
    public const int MaxNarrative = 10_000;
    public const int MaxText = 2_000;
    public const int MaxItems = 50;

    public static IReadOnlySet<string> Cryptosuites { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "eddsa-rdfc-2022", "eddsa-jcs-2022", "ecdsa-rdfc-2019", "ecdsa-jcs-2019",
    };

    /// <summary>Checks everything that needs no database; empty when the request is well-formed.</summary>
    public static Dictionary<string, string[]> Validate(AwardRequest? request, string prefix = "")
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors[prefix.TrimEnd('.') is { Length: > 0 } p ? p : "body"] = ["An award request object is required."];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(request.AchievementId))
        {
            errors[prefix + "achievementId"] = ["The achievement's id is required."];
        }
        else if (request.AchievementId.Length > 200)
        {
            errors[prefix + "achievementId"] = ["The achievement's id has at most 200 characters."];
        }

        if (request.AchievementVersion is < 1)
        {
            errors[prefix + "achievementVersion"] = ["Versions start at 1."];
        }

        ValidateRecipient(request.Recipient, prefix, errors);
        ValidateDetails(request.Narrative, request.Evidence, request.Results, request.Cryptosuite, prefix, errors);
        return errors;
    }

    public static void ValidateDetails(
        string? narrative, IReadOnlyList<AwardEvidenceRequest>? evidence, IReadOnlyList<AwardResultRequest>? results, string? cryptosuite,
        string prefix, Dictionary<string, string[]> errors)
    {
        if (narrative is { Length: > MaxNarrative })
        {
            errors[prefix + "narrative"] = [$"The narrative has at most {MaxNarrative} characters."];
        }

        if (cryptosuite is not null && !Cryptosuites.Contains(cryptosuite))
        {
            errors[prefix + "cryptosuite"] = [$"The cryptosuite is one of {string.Join(", ", Cryptosuites.Order(StringComparer.Ordinal))}."];
        }

        if (evidence is { Count: > MaxItems })
        {
            errors[prefix + "evidence"] = [$"At most {MaxItems} evidence items."];
        }
        else
        {
            for (var i = 0; i < (evidence?.Count ?? 0); i++)
            {
                var item = evidence![i];
                var at = $"{prefix}evidence[{i}]";
                if (item is null || (item.Id is null && string.IsNullOrWhiteSpace(item.Narrative) && string.IsNullOrWhiteSpace(item.Name)))
                {
                    errors[at] = ["An evidence item needs an id (URL), a name or a narrative."];
                    continue;
                }

                if (item.Id is not null && !IsAbsoluteUri(item.Id))
                {
                    errors[at + ".id"] = ["The evidence id is an absolute URL."];
                }

                if (new[] { item.Name, item.Description, item.Genre, item.Audience }.Any(t => t is { Length: > MaxText }) || item.Narrative is { Length: > MaxNarrative })
                {
                    errors[at] = [$"Evidence texts have at most {MaxText} characters ({MaxNarrative} for the narrative)."];
                }
            }
        }

        if (results is { Count: > MaxItems })
        {
            errors[prefix + "results"] = [$"At most {MaxItems} results."];
            return;
        }

        for (var i = 0; i < (results?.Count ?? 0); i++)
        {
            var item = results![i];
            var at = $"{prefix}results[{i}]";
            if (item is null || (item.Value is null && item.Status is null && item.AchievedLevel is null))
            {
                errors[at] = ["A result needs a value, a status or an achievedLevel."];
                continue;
            }

            if (item.Status is not null && !ResultStatusType.Defined.Contains(item.Status))
            {
                errors[at + ".status"] = [$"The status is one of {string.Join(", ", ResultStatusType.Defined.Order(StringComparer.Ordinal))}."];
            }

            if (item.ResultDescription is not null && !IsAbsoluteUri(item.ResultDescription))
            {
                errors[at + ".resultDescription"] = ["resultDescription is the id (a URI) of one of the achievement's result descriptions."];
            }

            if (item.AchievedLevel is not null && !IsAbsoluteUri(item.AchievedLevel))
            {
                errors[at + ".achievedLevel"] = ["achievedLevel is the id (a URI) of a rubric criterion level."];
            }

            if (item.Value is { Length: > MaxText })
            {
                errors[at + ".value"] = [$"The value has at most {MaxText} characters."];
            }
        }
    }

    private static void ValidateRecipient(AwardRecipientRequest? recipient, string prefix, Dictionary<string, string[]> errors)
    {
        var at = prefix + "recipient";
        if (recipient is null || (recipient.Email is null) == (recipient.Did is null))
        {
            errors[at] = ["Name the recipient by exactly one of 'email' or 'did'."];
            return;
        }

        if (recipient.Email is not null && AccountValidation.Email(recipient.Email) is { } emailError)
        {
            errors[at + ".email"] = [emailError];
        }

        if (recipient.Did is not null && (recipient.Did.Length > 2048 || !DidPattern().IsMatch(recipient.Did)))
        {
            errors[at + ".did"] = ["This is not a DID (did:method:identifier)."];
        }
    }

    private static bool IsAbsoluteUri(string value) =>
        value.Length <= 2048 && Uri.TryCreate(value, UriKind.Absolute, out _);

    // DID syntax (DID Core §3.1): did:<method-name>:<method-specific-id>, without path, query or fragment.
    [GeneratedRegex("^did:[a-z0-9]+:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2}|:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DidPattern();
}
