using Credstack.Server.Achievements;
using Credstack.Server.Issuers;

namespace Credstack.Server.Awards;

/// <summary>The <see cref="IAchievementCatalog"/> of the Achievements feature: stored versions, as OB 3.0 Achievements with their version URL as id.</summary>
internal sealed class StoredAchievementCatalog(AchievementStore achievements, IssuerIdentity identity) : IAchievementCatalog
{
    public async Task<AwardableAchievement?> FindAsync(string organizationId, string achievementId, long? version, CancellationToken cancellationToken)
    {
        var found = await achievements.FindAsync(organizationId, achievementId, version, cancellationToken);
        return found is null
            ? null
            : new AwardableAchievement(found.Id, found.Version, AchievementDocument.ToOpenBadges(found, identity), found.ReadDefinition().Expiry, found.IsArchived);
    }
}
