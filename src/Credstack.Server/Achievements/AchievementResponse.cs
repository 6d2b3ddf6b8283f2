using System.Text.Json;
using Credstack.Server.Issuers;

namespace Credstack.Server.Achievements;

/// <summary>
/// One achievement version as the API shows it: the definition as edited, the version facts, and
/// <see cref="Achievement"/>, the OB 3.0 Achievement JSON credentials for this version embed.
/// </summary>
internal sealed record AchievementResponse(
    string Id,
    long Version,
    long LatestVersion,
    bool Archived,
    DateTimeOffset CreatedAt,
    AchievementDefinition Definition,
    string? ImageUrl,
    JsonElement Achievement)
{
    public static AchievementResponse From(AchievementVersion version, IssuerIdentity identity)
    {
        var definition = version.ReadDefinition();
        using var achievement = JsonDocument.Parse(AchievementDocument.ToOpenBadges(version, identity).ToUtf8Json());
        return new(
            version.Id,
            version.Version,
            version.LatestVersion,
            version.IsArchived,
            version.CreatedAt,
            definition,
            definition.ImageId is { } imageId ? identity.ImageUrl(version.OrganizationId, imageId) : null,
            achievement.RootElement.Clone());
    }
}
