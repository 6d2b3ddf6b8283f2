using System.Collections.Concurrent;
using Credstack.Credentials.Model;
using Credstack.Server.Achievements;
using Credstack.Server.Awards;

namespace Credstack.Server.Tests.Awards;

/// <summary>A stand-in for the Achievements feature in award tests: versions kept in memory.</summary>
internal sealed class TestAchievementCatalog : IAchievementCatalog
{
    private readonly ConcurrentDictionary<(string Org, string Id), List<AwardableAchievement>> _versions = new();

    /// <summary>Adds the next version of an achievement; returns its version number.</summary>
    public long Add(string organizationId, string id, string name = "Data Analysis with Python", ExpiryPolicy? expiry = null, bool archived = false)
    {
        var versions = _versions.GetOrAdd((organizationId, id), _ => []);
        lock (versions)
        {
            var version = versions.Count + 1;
            versions.Add(new AwardableAchievement(id, version, new Achievement
            {
                Id = $"http://localhost/achievements/{organizationId}/{id}/v{version}",
                Name = name,
                Description = $"Version {version}: clean, explore and model tabular data.",
                Criteria = new Criteria { Narrative = "Pass the final project." },
            }, expiry, archived));
            return version;
        }
    }

    public Task<AwardableAchievement?> FindAsync(string organizationId, string achievementId, long? version, CancellationToken cancellationToken)
    {
        if (!_versions.TryGetValue((organizationId, achievementId), out var versions))
        {
            return Task.FromResult<AwardableAchievement?>(null);
        }

        lock (versions)
        {
            return Task.FromResult(version is { } v ? versions.FirstOrDefault(a => a.Version == v) : versions[^1]);
        }
    }
}
