using System.Net;
using System.Net.Http.Json;
using Credstack.Server.Hosting;
using Credstack.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Credstack.Server.Tests.Hosting;

public sealed class DemoSeedTests
{
    [ProviderTheory]
    public async Task The_demo_switch_seeds_an_organization_whose_owner_can_sign_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, args: ["--demo"]);
        var owner = await app.SignInAsync(new TestAccount("demo-owner", DemoSeedContext.OwnerEmail, DemoSeedContext.Password));
        var org = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{DemoSeedContext.OrganizationId}"));
        Assert.Equal("owner", org.GetProperty("role").GetString());
        var members = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{DemoSeedContext.OrganizationId}/members"));
        Assert.Equal(["issuer@demo.credstack.dev", "owner@demo.credstack.dev", "viewer@demo.credstack.dev"], members.EnumerateArray().Select(m => m.GetProperty("email").GetString()));
        await Expect.StatusAsync(HttpStatusCode.OK, await app.Client.PostAsJsonAsync("/api/v1/sessions", new { email = DemoSeedContext.LearnerEmail, password = DemoSeedContext.Password }));
    }

    [ProviderTheory]
    public async Task Seeding_an_already_seeded_database_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, args: ["--demo"]);
        var seeder = app.App.Services.GetServices<IHostedService>().OfType<DemoSeedService>().Single();
        await seeder.StartAsync(CancellationToken.None);
        var owner = await app.SignInAsync(new TestAccount("demo-owner", DemoSeedContext.OwnerEmail, DemoSeedContext.Password));
        var orgs = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync("/api/v1/orgs"));
        Assert.Equal(1, orgs.GetArrayLength());
    }

    [ProviderTheory]
    public async Task Without_the_demo_switch_the_database_starts_empty(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, await app.Client.PostAsJsonAsync("/api/v1/sessions", new { email = DemoSeedContext.OwnerEmail, password = DemoSeedContext.Password }));
    }
}
