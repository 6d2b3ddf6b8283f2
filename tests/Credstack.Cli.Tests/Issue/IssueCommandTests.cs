using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Credstack.Cli.Commands.Issue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Credstack.Cli.Tests.Issue;

/// <summary><c>credstack issue</c> and <c>credstack issue-bulk</c> against the real server on a test host (SQLite, real signing keys).</summary>
public sealed class IssueCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("credstack-cli-issue-").FullName;
    private WebApplication _app = null!;
    private string _orgId = null!;
    private string _token = null!;
    private string _achievementId = null!;
    private HttpMessageHandler _handler = null!;

    public async Task InitializeAsync()
    {
        _app = Credstack.Server.Program.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Credstack:Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "credstack.db")}",
                ["Credstack:KeyProtection:KeyRingPath"] = Path.Combine(_directory, "keys"),
                ["Credstack:PublicBaseUrl"] = "http://localhost",
            });
            builder.Logging.ClearProviders();
        });
        await _app.StartAsync();
        using var client = _app.GetTestClient();
        const string password = "correct horse battery staple";
        await Ok(await client.PostAsJsonAsync("/api/v1/accounts", new { email = "owner@example.org", password, displayName = "Owner" }));
        var session = await Ok(await client.PostAsJsonAsync("/api/v1/sessions", new { email = "owner@example.org", password }));
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", session.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        _orgId = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/orgs", new { name = "Acme University", kind = "issuer" }))).GetProperty("id").GetString()!;
        _achievementId = (await JsonAsync(await client.PostAsJsonAsync($"/api/v1/orgs/{_orgId}/achievements",
            new { name = "Data Analysis", description = "Analyses data.", criteria = new { narrative = "Pass the project." } }))).GetProperty("id").GetString()!;
        _token = (await JsonAsync(await client.PostAsJsonAsync($"/api/v1/orgs/{_orgId}/tokens", new { name = "cli", scopes = new[] { "read", "awards:write" } }))).GetProperty("token").GetString()!;
        _handler = _app.GetTestServer().CreateHandler();
    }

    public async Task DisposeAsync()
    {
        _handler.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Runs the command line with the test server's handler (an AsyncLocal: set here, in the test's own flow).</summary>
    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        ServerApi.Handler = _handler;
        return CliRunner.RunAsync(null, args);
    }

    private string[] Server(params string[] args) => [.. args, "--server", "http://localhost", "--token", _token, "--org", _orgId];

    [Fact]
    public async Task Issue_prints_the_award_and_its_credential_url()
    {
        var (exit, stdout, stderr) = await RunAsync(Server("issue", "--achievement", _achievementId, "--email", "ada@example.org", "--no-notify"));

        Assert.True(exit == 0, stderr);
        Assert.Contains("Issued award ", stdout, StringComparison.Ordinal);
        Assert.Contains("Credential: http://localhost/credentials/", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_with_json_prints_the_signed_credential()
    {
        var (exit, stdout, _) = await RunAsync(Server("issue", "--achievement", _achievementId, "--did", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "--json"));

        Assert.Equal(0, exit);
        var body = JsonDocument.Parse(stdout).RootElement;
        // An Open Badges credential carries its proofs as an array, as the OB 3.0 JSON schema requires.
        Assert.Equal("eddsa-rdfc-2022", body.GetProperty("credential").GetProperty("proof")[0].GetProperty("cryptosuite").GetString());
    }

    [Fact]
    public async Task Issue_reports_the_servers_problem_and_exits_non_zero()
    {
        var unknown = await RunAsync(Server("issue", "--achievement", "no-such-achievement", "--email", "ada@example.org"));
        Assert.Equal(4, unknown.ExitCode);
        Assert.Contains("no-such-achievement", unknown.Stderr, StringComparison.Ordinal);

        var badEmail = await RunAsync(Server("issue", "--achievement", _achievementId, "--email", "not-an-address"));
        Assert.Equal(3, badEmail.ExitCode);

        var both = await RunAsync(Server("issue", "--achievement", _achievementId, "--email", "a@example.org", "--did", "did:example:1"));
        Assert.Equal(2, both.ExitCode);

        var wrongToken = await RunAsync("issue", "--achievement", _achievementId, "--email", "a@example.org", "--server", "http://localhost", "--token", "cst_nope_nope", "--org", _orgId);
        Assert.Equal(4, wrongToken.ExitCode);
    }

    [Fact]
    public async Task Issue_bulk_issues_a_file_and_prints_a_summary()
    {
        var csv = Path.Combine(_directory, "awards.csv");
        await File.WriteAllTextAsync(csv, "row_key,email\n" + string.Concat(Enumerable.Range(1, 12).Select(i => $"r{i},learner{i}@example.org\n")));

        var (exit, stdout, stderr) = await RunAsync(Server("issue-bulk", "--csv", csv, "--achievement", _achievementId, "--no-notify"));

        Assert.True(exit == 0, stderr + stdout);
        Assert.Matches(@"issued\s+12", stdout);
        Assert.Matches(@"failed\s+0", stdout);
        Assert.Matches(@"skipped\s+0", stdout);
        Assert.Matches(@"elapsed\s+[0-9.]+ s", stdout);
    }

    [Fact]
    public async Task Issue_bulk_dry_run_lists_bad_rows_and_exits_5_and_a_refused_file_exits_3()
    {
        var csv = Path.Combine(_directory, "bad.csv");
        await File.WriteAllTextAsync(csv, $"email,achievement_id\nada@example.org,{_achievementId}\nbroken,{_achievementId}\n");

        var dry = await RunAsync(Server("issue-bulk", "--csv", csv, "--dry-run"));
        Assert.Equal(5, dry.ExitCode);
        Assert.Matches(@"invalid\s+1", dry.Stdout);
        Assert.Contains("line 3 (email)", dry.Stderr, StringComparison.Ordinal);

        var real = await RunAsync(Server("issue-bulk", "--csv", csv));
        Assert.Equal(3, real.ExitCode);
        Assert.Contains("line 3 (email)", real.Stderr, StringComparison.Ordinal);

        var missing = await RunAsync(Server("issue-bulk", "--csv", Path.Combine(_directory, "none.csv")));
        Assert.Equal(3, missing.ExitCode);
    }

    [Fact]
    public async Task Issue_bulk_with_json_prints_the_finished_job()
    {
        var csv = Path.Combine(_directory, "two.csv");
        await File.WriteAllTextAsync(csv, "email\nada@example.org\nbob@example.org\n");
        var (exit, stdout, stderr) = await RunAsync(Server("issue-bulk", "--csv", csv, "--achievement", _achievementId, "--no-notify", "--json"));
        Assert.True(exit == 0, stderr);
        Assert.Equal(2, JsonDocument.Parse(stdout).RootElement.GetProperty("issued").GetInt64());
    }

    private static async Task<HttpResponseMessage> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, (await Ok(response)).StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
