using System.Net;
using System.Net.Http.Json;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Organizations;

public sealed class MemberTests
{
    [ProviderTheory]
    public async Task An_admin_adds_an_existing_account_who_then_sees_the_organization(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync("Acme University");
        var staff = await app.SignUpAsync("staff@example.org");

        var added = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/members", new { email = "Staff@Example.org", role = "issuer" }));
        Assert.Equal(staff.Id, added.GetProperty("accountId").GetString());
        Assert.Equal("issuer", added.GetProperty("role").GetString());

        var me = await Expect.JsonAsync(HttpStatusCode.OK, await (await app.SignInAsync(staff)).GetAsync("/api/v1/accounts/me"));
        var membership = Assert.Single(me.GetProperty("memberships").EnumerateArray());
        Assert.Equal(orgId, membership.GetProperty("organizationId").GetString());
        Assert.Equal("issuer", membership.GetProperty("role").GetString());

        var members = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/members"));
        Assert.Equal(2, members.GetArrayLength());
    }

    [ProviderTheory]
    public async Task Adding_an_unknown_address_a_member_twice_or_an_unknown_role_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var person = await app.SignUpAsync();

        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation",
            await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/members", new { email = "nobody@example.org", role = "viewer" }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation",
            await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/members", new { email = person.Email, role = "superuser" }));
        await Expect.StatusAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/members", new { email = person.Email, role = "viewer" }));
        await Expect.ProblemAsync(HttpStatusCode.Conflict, "https://credstack.dev/problems/conflict",
            await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/members", new { email = person.Email, role = "admin" }));
    }

    [ProviderTheory]
    public async Task Only_an_owner_makes_or_removes_owners(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var admin = await app.MemberAsync(orgId, owner, "admin");
        var candidate = await app.SignUpAsync();

        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden",
            await admin.PostAsJsonAsync($"/api/v1/orgs/{orgId}/members", new { email = candidate.Email, role = "owner" }));
        await Expect.StatusAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/members", new { email = candidate.Email, role = "owner" }));
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden",
            await admin.DeleteAsync($"/api/v1/orgs/{orgId}/members/{candidate.Id}"));
        await Expect.StatusAsync(HttpStatusCode.NoContent, await owner.DeleteAsync($"/api/v1/orgs/{orgId}/members/{candidate.Id}"));
    }

    [ProviderTheory]
    public async Task The_last_owner_cannot_be_removed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var me = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync("/api/v1/accounts/me"));
        var ownerId = me.GetProperty("account").GetProperty("id").GetString();

        await Expect.ProblemAsync(HttpStatusCode.Conflict, "https://credstack.dev/problems/conflict", await owner.DeleteAsync($"/api/v1/orgs/{orgId}/members/{ownerId}"));
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}"));
    }

    [ProviderTheory]
    public async Task A_removed_member_loses_access_at_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var person = await app.SignUpAsync();
        await Expect.StatusAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/members", new { email = person.Email, role = "admin" }));
        var client = await app.SignInAsync(person);
        await Expect.StatusAsync(HttpStatusCode.OK, await client.GetAsync($"/api/v1/orgs/{orgId}/members"));

        await Expect.StatusAsync(HttpStatusCode.NoContent, await owner.DeleteAsync($"/api/v1/orgs/{orgId}/members/{person.Id}"));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await client.GetAsync($"/api/v1/orgs/{orgId}/members"));
    }
}
