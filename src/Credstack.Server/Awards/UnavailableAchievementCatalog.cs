namespace Credstack.Server.Awards;

/// <summary>
/// The <see cref="IAchievementCatalog"/> until the Achievements feature registers its own: every
/// achievement is unknown (404). TODO(issue 4): replaced when branch <c>issuers</c> is merged.
/// </summary>
internal sealed class UnavailableAchievementCatalog : IAchievementCatalog
{
    public Task<AwardableAchievement?> FindAsync(string organizationId, string achievementId, int? version, CancellationToken cancellationToken) =>
        Task.FromResult<AwardableAchievement?>(null);
}
