using System.Net;
using System.Text;
using Credstack.Server.OAuth;
using Credstack.Server.OpenBadgesApi;
using Credstack.Server.Tests.Access;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.OAuth;
using Microsoft.AspNetCore.Authorization;

namespace Credstack.Server.Tests.OpenBadgesApi;

/// <summary>
/// The authorization matrix of the Open Badges API: each operation needs exactly its OB 3.0 §6.2.1 scope, and
/// accepts OAuth access tokens only (never the session cookie or an organization's API token).
/// </summary>
public sealed class OpenBadgesAuthorizationMatrixTests
{
    private static readonly (string Method, string Path, string Scope, string? Body, string ContentType)[] Rows =
    [
        ("GET", "/ims/ob/v3p0/credentials", OAuthScopes.CredentialReadonly, null, ""),
        ("POST", "/ims/ob/v3p0/credentials", OAuthScopes.CredentialUpsert, "a.b.c", "text/plain"),
        ("GET", "/ims/ob/v3p0/profile", OAuthScopes.ProfileReadonly, null, ""),
        ("PUT", "/ims/ob/v3p0/profile", OAuthScopes.ProfileUpdate, "{}", "application/json"),
    ];

    [Fact]
    public async Task Every_Open_Badges_API_endpoint_has_a_row_and_requires_its_scope_through_the_OAuth_scheme()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var endpoints = EndpointCatalogue.Read(app.App.Services).Where(e => e.Pattern.StartsWith("/ims/ob/v3p0/", StringComparison.Ordinal) && e.Pattern != "/ims/ob/v3p0/discovery").ToList();
        Assert.Equal(Rows.Select(r => $"{r.Method} {r.Path}").Order(StringComparer.Ordinal), endpoints.Select(e => $"{e.Method} {e.Pattern}").Order(StringComparer.Ordinal));
        foreach (var (method, pattern, endpoint) in endpoints)
        {
            var row = Rows.Single(r => r.Method == method && r.Path == pattern);
            var policy = endpoint.Metadata.GetMetadata<AuthorizationPolicy>();
            Assert.True(policy is not null, $"{method} {pattern} has no authorization policy");
            Assert.Equal([OpenBadgesAuthenticationHandler.SchemeName], policy.AuthenticationSchemes);
            Assert.Equal(row.Scope, endpoint.Metadata.GetMetadata<OpenBadgesScopeRequirement>()?.Scope);
        }
    }

    [ProviderTheory]
    public async Task Each_operation_is_allowed_with_its_scope_forbidden_with_any_other_and_refused_without_an_access_token(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, browser) = await app.SignedInAsync();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in OAuthScopes.OpenBadges)
        {
            tokens[scope] = (await OAuthFlow.GrantAsync(app, scope: scope, browser: browser)).AccessToken;
        }

        var (orgId, owner) = await app.CreateOrganizationAsync();
        var apiToken = await app.CreateTokenAsync(orgId, owner, "read", "awards:write", "achievements:write");
        var failures = new List<string>();
        foreach (var row in Rows)
        {
            async Task<HttpStatusCode> CallAsync(HttpClient client)
            {
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path);
                if (row.Body is not null)
                {
                    request.Content = new StringContent(row.Body, Encoding.UTF8, row.ContentType);
                }

                return (await client.SendAsync(request)).StatusCode;
            }

            void Check(string who, HttpStatusCode actual, Func<HttpStatusCode, bool> expected, string expectation)
            {
                if (!expected(actual))
                {
                    failures.Add($"{row.Method} {row.Path} as {who}: expected {expectation}, got {(int)actual}");
                }
            }

            Check("anonymous", await CallAsync(app.Client), s => s == HttpStatusCode.Unauthorized, "401");
            Check("a signed-in session", await CallAsync(browser), s => s == HttpStatusCode.Unauthorized, "401");
            Check("an organization API token", await CallAsync(app.TokenClient(apiToken)), s => s == HttpStatusCode.Unauthorized, "401");
            foreach (var (scope, token) in tokens)
            {
                var status = await CallAsync(OAuthFlow.Bearer(app, token));
                if (scope == row.Scope)
                {
                    Check($"a token with {scope}", status, s => s is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.InternalServerError), "allowed");
                }
                else
                {
                    Check($"a token with {scope}", status, s => s == HttpStatusCode.Forbidden, "403");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
