using System.Net;
using System.Net.Http.Json;
using Credstack.Server.ApiTokens;
using Credstack.Server.Storage;
using Credstack.Server.Tests.Infrastructure;
using Dapper;

namespace Credstack.Server.Tests.ApiTokens;

public sealed class ApiTokenTests
{
    [ProviderTheory]
    public async Task A_token_is_shown_once_stored_only_as_a_hash_and_works_for_its_organization(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var created = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/tokens", new { name = "CI", scopes = new[] { "read", "awards:write" } }));
        var token = created.GetProperty("token").GetString()!;
        var id = created.GetProperty("details").GetProperty("id").GetString()!;
        Assert.StartsWith($"cst_{id}_", token, StringComparison.Ordinal);
        // The secret is base64url and may itself contain '_'.
        var secret = token[$"cst_{id}_".Length..];

        var listed = await owner.GetStringAsync($"/api/v1/orgs/{orgId}/tokens");
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        await using (var connection = await app.Service<IConnectionFactory>().OpenAsync(CancellationToken.None))
        {
            var stored = await connection.QuerySingleAsync<string>("SELECT secret_hash || ' ' || scopes || ' ' || name FROM api_tokens WHERE id = @id;", new { id });
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        }

        var client = app.TokenClient(token);
        var org = await Expect.JsonAsync(HttpStatusCode.OK, await client.GetAsync($"/api/v1/orgs/{orgId}"));
        Assert.Equal(orgId, org.GetProperty("id").GetString());
    }

    [ProviderTheory]
    public async Task Using_a_token_records_when_it_was_last_used(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var client = app.TokenClient(await app.CreateTokenAsync(orgId, owner, "read"));
        var before = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/tokens"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, before[0].GetProperty("lastUsedAt").ValueKind);

        app.Clock.Advance(TimeSpan.FromHours(1));
        await Expect.StatusAsync(HttpStatusCode.OK, await client.GetAsync($"/api/v1/orgs/{orgId}"));
        var after = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/tokens"));
        Assert.Equal(app.Clock.GetUtcNow(), after[0].GetProperty("lastUsedAt").GetDateTimeOffset());
    }

    [ProviderTheory]
    public async Task A_revoked_token_is_refused_with_401(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var token = await app.CreateTokenAsync(orgId, owner, "read");
        var client = app.TokenClient(token);
        await Expect.StatusAsync(HttpStatusCode.OK, await client.GetAsync($"/api/v1/orgs/{orgId}"));

        var id = token.Split('_')[1];
        await Expect.StatusAsync(HttpStatusCode.NoContent, await owner.DeleteAsync($"/api/v1/orgs/{orgId}/tokens/{id}"));
        var refused = await client.GetAsync($"/api/v1/orgs/{orgId}");
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, "https://credstack.dev/problems/unauthorized", refused);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        var listed = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/tokens"));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, listed[0].GetProperty("revokedAt").ValueKind);
    }

    [ProviderTheory]
    public async Task An_expired_token_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var expiresAt = app.Clock.GetUtcNow().AddDays(1);
        var created = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/tokens", new { name = "short", scopes = new[] { "read" }, expiresAt }));
        var client = app.TokenClient(created.GetProperty("token").GetString()!);
        await Expect.StatusAsync(HttpStatusCode.OK, await client.GetAsync($"/api/v1/orgs/{orgId}"));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, await client.GetAsync($"/api/v1/orgs/{orgId}"));
    }

    [ProviderTheory]
    public async Task A_token_with_one_changed_character_or_a_foreign_format_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var token = await app.CreateTokenAsync(orgId, owner, "read");
        var changed = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        foreach (var bad in new[] { changed, "cst_" + token.Split('_')[1] + "_", "not-a-token", token + "x" })
        {
            await Expect.ProblemAsync(HttpStatusCode.Unauthorized, "https://credstack.dev/problems/unauthorized", await app.TokenClient(bad).GetAsync($"/api/v1/orgs/{orgId}"));
        }
    }

    [ProviderTheory]
    public async Task Token_requests_name_unknown_scopes_and_past_expiry(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation",
            await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/tokens", new { name = "x", scopes = new[] { "admin:everything" }, expiresAt = app.Clock.GetUtcNow().AddDays(-1) }));
        Assert.Contains("admin:everything", problem.GetProperty("errors").GetProperty("scopes")[0].GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("expiresAt", out _));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation",
            await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/tokens", new { name = "x", scopes = Array.Empty<string>() }));
    }

    [Fact]
    public void The_secret_check_accepts_the_secret_and_rejects_any_other()
    {
        var (token, hash) = ApiTokenSecret.Create("abc");
        Assert.True(ApiTokenSecret.TryParse(token, out var id, out var secret));
        Assert.Equal("abc", id);
        Assert.True(ApiTokenSecret.Matches(secret, hash));
        Assert.False(ApiTokenSecret.Matches(secret + "x", hash));
        Assert.False(ApiTokenSecret.Matches(secret, "not hex"));
        Assert.False(ApiTokenSecret.TryParse("cst_abc", out _, out _));
    }
}
