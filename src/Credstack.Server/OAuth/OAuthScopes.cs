// Open Badges 3.0 §6.2.1 (Scopes) and §7.1.2 (offline_access, as the spec's examples request it).
namespace Credstack.Server.OAuth;

/// <summary>The scopes this authorization server grants: the four Open Badges API scopes, and <c>offline_access</c>.</summary>
internal static class OAuthScopes
{
    public const string CredentialReadonly = "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly";
    public const string CredentialUpsert = "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert";
    public const string ProfileReadonly = "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly";
    public const string ProfileUpdate = "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update";

    /// <summary>Asks for a refresh token in OpenID Connect; accepted so OB clients that send it are not refused.</summary>
    public const string OfflineAccess = "offline_access";

    /// <summary>What each scope lets a client do, as the consent page and the Service Description Document say it.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CredentialReadonly] = "Permission to read AchievementCredentials for the authenticated entity.",
        [CredentialUpsert] = "Permission to create or update AchievementCredentials for the authenticated entity.",
        [ProfileReadonly] = "Permission to read the profile for the authenticated entity.",
        [ProfileUpdate] = "Permission to update the profile for the authenticated entity.",
        [OfflineAccess] = "Keep access while you are away (a refresh token).",
    };

    /// <summary>The four Open Badges API scopes (not <c>offline_access</c>), in the spec's order.</summary>
    public static IReadOnlyList<string> OpenBadges { get; } = [CredentialReadonly, CredentialUpsert, ProfileReadonly, ProfileUpdate];

    public static bool IsKnown(string scope) => Descriptions.ContainsKey(scope);

    /// <summary>Splits a space-delimited scope parameter (RFC 6749 §3.3) into distinct values, in order.</summary>
    public static IReadOnlyList<string> Parse(string? scope) =>
        string.IsNullOrWhiteSpace(scope) ? [] : [.. scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    public static string Join(IEnumerable<string> scopes) => string.Join(' ', scopes);
}
