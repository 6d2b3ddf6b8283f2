namespace Credstack.Server.ApiTokens;

/// <summary>
/// The scopes an API token can carry. A feature that adds a write operation adds its scope here
/// and names it in <c>RequireOrgRole(role, ApiScopes.X)</c>.
/// </summary>
internal static class ApiScopes
{
    /// <summary>Read everything of the organization that members with the viewer role can read.</summary>
    public const string Read = "read";

    /// <summary>Issue and revoke awards (credentials).</summary>
    public const string AwardsWrite = "awards:write";

    /// <summary>Create and change achievements.</summary>
    public const string AchievementsWrite = "achievements:write";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Read, AwardsWrite, AchievementsWrite };
}
