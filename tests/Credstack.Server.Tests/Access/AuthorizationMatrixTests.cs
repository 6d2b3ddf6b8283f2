using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Credstack.Server.ApiTokens;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Access;

public sealed partial class AuthorizationMatrixTests
{
    private static readonly string[] Roles = ["viewer", "issuer", "admin", "owner"];

    [ProviderTheory]
    public async Task Every_organization_endpoint_answers_401_403_or_404_exactly_as_the_matrix_says(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync("Home University");
        var (foreignOrgId, foreignOwner) = await app.CreateOrganizationAsync("Foreign Institute");
        var members = new Dictionary<string, HttpClient>(StringComparer.Ordinal) { ["owner"] = owner };
        foreach (var role in Roles.Where(r => r != "owner"))
        {
            members[role] = await app.MemberAsync(orgId, owner, role);
        }

        var tokens = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var scope in ApiScopes.All)
        {
            tokens[scope] = app.TokenClient(await app.CreateTokenAsync(orgId, owner, scope));
        }

        var allScopes = app.TokenClient(await app.CreateTokenAsync(orgId, owner, [.. ApiScopes.All]));
        var foreignToken = app.TokenClient(await app.CreateTokenAsync(foreignOrgId, foreignOwner, [.. ApiScopes.All]));

        var failures = new List<string>();
        foreach (var row in AuthorizationMatrix.Rows)
        {
            async Task CheckAsync(string who, HttpClient client, string org, Func<HttpStatusCode, string, bool> expected, string expectation)
            {
                var (status, body) = await SendAsync(client, row, org);
                if (!expected(status, body))
                {
                    failures.Add($"{row.Method} {row.Pattern} as {who}: expected {expectation}, got {(int)status} {body}");
                }
            }

            await CheckAsync("anonymous", app.CreateClient(), orgId, (s, _) => s == HttpStatusCode.Unauthorized, "401");
            await CheckAsync("the owner of another organization", foreignOwner, orgId, IsIsolated, "404 (foreign organization)");
            await CheckAsync("a token of another organization", foreignToken, orgId, IsIsolated, "404 (foreign organization)");
            await CheckAsync("an owner, for an organization that does not exist", owner, "no-such-org", IsIsolated, "404 (unknown organization)");
            var minimum = Array.IndexOf(Roles, row.MinimumRole);
            Assert.True(minimum >= 0, $"unknown role {row.MinimumRole} in the matrix");
            for (var i = 0; i < Roles.Length; i++)
            {
                if (i < minimum)
                {
                    await CheckAsync(Roles[i], members[Roles[i]], orgId, (s, _) => s == HttpStatusCode.Forbidden, "403");
                }
                else
                {
                    await CheckAsync(Roles[i], members[Roles[i]], orgId, IsAllowed, "allowed");
                }
            }

            foreach (var (scope, client) in tokens)
            {
                var allowed = string.Equals(scope, row.TokenScope, StringComparison.Ordinal);
                await CheckAsync($"a token with {scope}", client, orgId, allowed ? IsAllowed : (s, _) => s == HttpStatusCode.Forbidden, allowed ? "allowed" : "403");
            }

            await CheckAsync("a token with every scope", allScopes, orgId, row.TokenScope is null ? (s, _) => s == HttpStatusCode.Forbidden : IsAllowed, row.TokenScope is null ? "403" : "allowed");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    // The organization filter's 404 names the organization; an allowed call may still find no sub-resource (404 for another reason).
    private static bool IsIsolated(HttpStatusCode status, string body) => status == HttpStatusCode.NotFound && body.Contains("No organization", StringComparison.Ordinal);

    private static bool IsAllowed(HttpStatusCode status, string body) =>
        status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && !IsIsolated(status, body);

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, AuthorizationRow row, string orgId)
    {
        var path = RouteParameter().Replace(row.Pattern.Replace("{orgId}", orgId, StringComparison.Ordinal), "no-such-id");
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), path);
        if (row.Body is not null)
        {
            request.Content = JsonContent.Create(row.Body, row.Body.GetType());
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
