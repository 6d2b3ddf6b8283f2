using Credstack.Server.Sharing;
using Credstack.Server.Tests.Awards;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Sharing;

/// <summary>Sharing state and activity counters, on both databases.</summary>
public sealed class AwardSharingStoreTests
{
    [ProviderTheory]
    public async Task A_credential_is_private_until_made_public_and_counts_views_and_verifications(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var issued = await AwardsTestApp.IssueAsync(owner, orgId);
        var awardId = issued.GetProperty("award").GetProperty("id").GetString()!;
        var store = awards.App.Service<AwardSharingStore>();

        Assert.Null(await store.FindAsync(awardId, CancellationToken.None));
        Assert.Equal(new SharingActivity(0, 0, 0), await store.ActivityAsync(orgId, CancellationToken.None));

        await store.RecordViewAsync(awardId, orgId, CancellationToken.None);
        await store.RecordViewAsync(awardId, orgId, CancellationToken.None);
        await store.RecordVerificationAsync(awardId, orgId, CancellationToken.None);
        var counted = await store.FindAsync(awardId, CancellationToken.None);
        Assert.NotNull(counted);
        Assert.False(counted.IsPublic);
        Assert.Equal(2, counted.Views);
        Assert.Equal(1, counted.Verifications);
        Assert.Equal(awards.App.Clock.GetUtcNow(), counted.LastViewedAt);

        await store.SetPublicAsync(awardId, orgId, isPublic: true, CancellationToken.None);
        var shared = await store.FindAsync(awardId, CancellationToken.None);
        Assert.True(shared!.IsPublic);
        Assert.Equal(awards.App.Clock.GetUtcNow(), shared.PublicSince);
        Assert.Equal(2, shared.Views);
        Assert.Equal(new SharingActivity(2, 1, 1), await store.ActivityAsync(orgId, CancellationToken.None));

        await store.SetPublicAsync(awardId, orgId, isPublic: false, CancellationToken.None);
        Assert.False((await store.FindAsync(awardId, CancellationToken.None))!.IsPublic);
        Assert.Equal(new SharingActivity(2, 1, 0), await store.ActivityAsync(orgId, CancellationToken.None));
    }
}
