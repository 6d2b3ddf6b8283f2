using System.Net;
using Credstack.Server.Achievements;
using Credstack.Server.Hosting;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.Keys;

namespace Credstack.Server.Tests.Achievements;

public sealed class DemoSeedTests
{
    [ProviderTheory]
    public async Task The_demo_seeds_Northbridge_University_with_a_key_and_seven_valid_achievements_the_viewer_can_read(DatabaseProvider provider)
    {
        var settings = TestCredentials.Settings;
        settings["Credstack:Demo"] = "true";
        await using var app = await TestApp.StartAsync(provider, settings);
        var viewer = await app.SignInAsync(new TestAccount("demo-viewer", DemoSeedContext.ViewerEmail, DemoSeedContext.Password));
        var orgId = DemoSeedContext.OrganizationId;

        var issuer = await Expect.JsonAsync(HttpStatusCode.OK, await viewer.GetAsync($"/api/v1/orgs/{orgId}/issuer"));
        Assert.Equal("Northbridge University", issuer.GetProperty("name").GetString());
        var did = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.GetAsync($"/issuers/{orgId}/did.json"));
        Assert.Equal(TestCredentials.DidOf(orgId) + "#key-1", did.GetProperty("assertionMethod")[0].GetString());

        var list = await Expect.JsonAsync(HttpStatusCode.OK, await viewer.GetAsync($"/api/v1/orgs/{orgId}/achievements"));
        Assert.Equal(7, list.GetArrayLength());
        foreach (var achievement in list.EnumerateArray())
        {
            var definition = System.Text.Json.JsonSerializer.Deserialize<AchievementDefinition>(achievement.GetProperty("definition").GetRawText(), AchievementVersion.DefinitionJson)!;
            Assert.Empty(AchievementValidation.Validate(definition, out _));
            Assert.True(achievement.GetProperty("achievement").GetProperty("alignment").GetArrayLength() >= 2);
            var image = await app.Client.GetAsync(new Uri(achievement.GetProperty("imageUrl").GetString()!).PathAndQuery);
            await Expect.StatusAsync(HttpStatusCode.OK, image);
            Assert.Equal("image/svg+xml", image.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(ImageSniffer.Sniff(await image.Content.ReadAsByteArrayAsync(), out _));
        }

        var owner = await app.SignInAsync(new TestAccount("demo-owner", DemoSeedContext.OwnerEmail, DemoSeedContext.Password));
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/achievements/{AchievementDemoSeed.DataAnalysis}"));
        var staff = await app.SignInAsync(new TestAccount("demo-issuer", DemoSeedContext.IssuerEmail, DemoSeedContext.Password));
        await Expect.StatusAsync(HttpStatusCode.OK, await staff.PostAsync($"/api/v1/orgs/{orgId}/achievements/{AchievementDemoSeed.RiskManagement}/archive", null));
    }
}
