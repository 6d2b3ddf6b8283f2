using System.Net;
using System.Text.Json;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.OpenBadgesApi;

public sealed class DiscoveryTests
{
    [ProviderTheory]
    public async Task Discovery_is_public_and_names_this_servers_OAuth_endpoints(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Credstack:PublicBaseUrl"] = "https://badges.example.edu/",
            ["Credstack:OAuth:PrivacyPolicyUrl"] = "https://example.edu/privacy",
        });
        var sdd = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.GetAsync("/ims/ob/v3p0/discovery"));
        Assert.StartsWith("3.0", sdd.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://example.edu/privacy", sdd.GetProperty("info").GetProperty("x-imssf-privacyPolicyUrl").GetString());
        Assert.Equal("https://badges.example.edu/terms", sdd.GetProperty("info").GetProperty("termsOfService").GetString());
        Assert.Equal("https://badges.example.edu/ims/ob/v3p0", sdd.GetProperty("servers")[0].GetProperty("url").GetString());
        var scheme = sdd.GetProperty("components").GetProperty("securitySchemes").GetProperty("OAuth2ACG");
        Assert.Equal("oauth2", scheme.GetProperty("type").GetString());
        Assert.Equal("https://badges.example.edu/oauth/register", scheme.GetProperty("x-imssf-registrationUrl").GetString());
        var flow = scheme.GetProperty("flows").GetProperty("authorizationCode");
        Assert.Equal("https://badges.example.edu/oauth/authorize", flow.GetProperty("authorizationUrl").GetString());
        Assert.Equal("https://badges.example.edu/oauth/token", flow.GetProperty("tokenUrl").GetString());
        Assert.Equal("https://badges.example.edu/oauth/token", flow.GetProperty("refreshUrl").GetString());
    }

    [ConformanceFact("openbadges", "openapi", "openapi.json")]
    public async Task Discovery_lists_every_operation_of_the_official_OpenAPI_file_with_the_same_scopes()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var sdd = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.GetAsync("/ims/ob/v3p0/discovery"));
        using var official = JsonDocument.Parse(await File.ReadAllBytesAsync(Conformance.PathOf("openbadges", "openapi", "openapi.json")));

        var operations = 0;
        foreach (var path in official.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                var ours = sdd.GetProperty("paths").GetProperty(path.Name).GetProperty(operation.Name);
                Assert.Equal(operation.Value.GetProperty("operationId").GetString(), ours.GetProperty("operationId").GetString());
                Assert.Equal(Scopes(operation.Value), Scopes(ours));
            }
        }

        Assert.Equal(5, operations);
        var officialScopes = official.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("OAuth2ACG")
            .GetProperty("flows").GetProperty("authorizationCode").GetProperty("scopes").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var ourScopes = sdd.GetProperty("components").GetProperty("securitySchemes").GetProperty("OAuth2ACG")
            .GetProperty("flows").GetProperty("authorizationCode").GetProperty("scopes").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(officialScopes, ourScopes);
    }

    private static string[] Scopes(JsonElement operation) => operation.TryGetProperty("security", out var security)
        ? [.. security.EnumerateArray().SelectMany(s => s.EnumerateObject()).SelectMany(s => s.Value.EnumerateArray()).Select(s => s.GetString()!).Order(StringComparer.Ordinal)]
        : [];
}
