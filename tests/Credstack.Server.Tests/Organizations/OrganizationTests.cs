using System.Net;
using System.Net.Http.Json;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Organizations;

public sealed class OrganizationTests
{
    [ProviderTheory]
    public async Task The_creator_of_an_organization_is_its_owner_and_sees_it_in_the_list(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync("Acme University");

        var one = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}"));
        Assert.Equal("Acme University", one.GetProperty("name").GetString());
        Assert.Equal("issuer", one.GetProperty("kind").GetString());
        Assert.Equal("owner", one.GetProperty("role").GetString());

        var list = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync("/api/v1/orgs"));
        Assert.Equal(orgId, Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
    }

    [ProviderTheory]
    public async Task The_organization_list_holds_only_the_callers_organizations(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateOrganizationAsync("Someone Else's College");
        var (_, stranger) = await app.SignedInAsync();
        var list = await Expect.JsonAsync(HttpStatusCode.OK, await stranger.GetAsync("/api/v1/orgs"));
        Assert.Equal(0, list.GetArrayLength());
    }

    [ProviderTheory]
    public async Task An_organization_needs_a_name_and_a_known_kind(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, client) = await app.SignedInAsync();
        var response = await client.PostAsJsonAsync("/api/v1/orgs", new { name = " ", kind = "club" });
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
    }

    [ProviderTheory]
    public async Task An_employer_organization_keeps_its_kind(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync("Hiring Co", kind: "employer");
        var one = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}"));
        Assert.Equal("employer", one.GetProperty("kind").GetString());
    }

    [ProviderTheory]
    public async Task An_API_token_cannot_create_an_organization_and_lists_only_its_own(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        await app.CreateOrganizationAsync("Other Org");
        var token = app.TokenClient(await app.CreateTokenAsync(orgId, owner, "read"));

        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden", await token.PostAsJsonAsync("/api/v1/orgs", new { name = "Mine" }));
        var list = await Expect.JsonAsync(HttpStatusCode.OK, await token.GetAsync("/api/v1/orgs"));
        Assert.Equal(orgId, Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
    }
}
