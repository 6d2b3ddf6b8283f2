namespace Credstack.Server.Awards;

/// <summary>
/// The seam between awards and achievements (the Achievements feature implements it): the
/// version of an achievement a credential is issued with.
/// </summary>
internal interface IAchievementCatalog
{
    /// <summary>The achievement of the organization at <paramref name="version"/> (the latest when null); null when there is none.</summary>
    Task<AwardableAchievement?> FindAsync(string organizationId, string achievementId, long? version, CancellationToken cancellationToken);
}
