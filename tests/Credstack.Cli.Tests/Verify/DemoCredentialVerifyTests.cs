using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Credstack.Cli.Tests.Verify;

/// <summary>
/// Issue 4's acceptance: a credential fetched from the demo server (<c>--demo</c>) verifies with <c>credstack verify</c>,
/// offline, from the documents a verifier would fetch (the issuer's did.json and the status lists, given with
/// <c>--documents</c>); a revoked one from the same demo is refused as revoked.
/// </summary>
public sealed class DemoCredentialVerifyTests : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://demo.credstack.test";
    private readonly string _directory = Directory.CreateTempSubdirectory("credstack-cli-demo-").FullName;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = Credstack.Server.Program.Build(["--demo"], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Credstack:Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "credstack.db")}",
                ["Credstack:KeyProtection:KeyRingPath"] = Path.Combine(_directory, "keys"),
                ["Credstack:PublicBaseUrl"] = PublicBaseUrl,
            });
            builder.Logging.ClearProviders();
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_credential_fetched_from_the_demo_verifies_with_credstack_verify_and_a_revoked_one_does_not()
    {
        using var client = _app.GetTestClient();
        var session = await client.PostAsJsonAsync("/api/v1/sessions", new { email = "owner@demo.credstack.dev", password = "credstack-demo" });
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", session.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        const string orgId = "demo-university";
        var awards = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{orgId}/awards?limit=200")).GetProperty("items").EnumerateArray().ToList();
        var active = awards.First(a => a.GetProperty("status").GetString() == "active" && !a.GetProperty("expired").GetBoolean());
        var revoked = awards.First(a => a.GetProperty("status").GetString() == "revoked");

        // What a verifier on the network would fetch, saved as files: the credentials, the did:web document, the status lists.
        var map = new JsonObject();
        async Task<string> SaveAsync(string url)
        {
            var bytes = await client.GetByteArrayAsync(new Uri(url).PathAndQuery);
            var file = Path.Combine(_directory, $"doc-{map.Count}-{Guid.NewGuid():N}.json");
            await File.WriteAllBytesAsync(file, bytes);
            return file;
        }

        var activeFile = await SaveAsync(active.GetProperty("credentialId").GetString()!);
        var revokedFile = await SaveAsync(revoked.GetProperty("credentialId").GetString()!);
        var didJson = $"{PublicBaseUrl}/issuers/{orgId}/did.json";
        map[didJson] = await SaveAsync(didJson);
        foreach (var award in new[] { active, revoked })
        {
            var list = award.GetProperty("statusListCredential").GetString()!;
            map[list] ??= await SaveAsync(list);
        }

        var mapFile = Path.Combine(_directory, "documents.json");
        await File.WriteAllTextAsync(mapFile, map.ToJsonString());

        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "verify", activeFile, "--documents", mapFile, "--json");
        Assert.True(exit == 0, stdout + stderr);
        Assert.True(JsonDocument.Parse(stdout).RootElement.GetProperty("verified").GetBoolean(), stdout);

        (exit, stdout, stderr) = await CliRunner.RunAsync(null, "verify", revokedFile, "--documents", mapFile, "--json");
        Assert.True(exit == 6, stdout + stderr);
        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.False(report.GetProperty("verified").GetBoolean());
        Assert.Contains(report.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "status.revoked");
    }
}
