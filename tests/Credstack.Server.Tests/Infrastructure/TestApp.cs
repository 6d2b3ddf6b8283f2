using System.Net;
using System.Net.Http.Json;
using Credstack.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Credstack.Server.Tests.Infrastructure;

/// <summary>
/// One fresh server with one fresh database for one test: a temporary SQLite file, or a new
/// PostgreSQL database (migrated the way <c>credstack migrate</c> does) that is dropped afterwards.
/// Seeding goes through the public API, so tests exercise what clients do.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly string _directory;
    private readonly string? _postgresDatabase;
    private readonly bool _kestrel;
    private int _accounts;

    private TestApp(WebApplication app, TestClock clock, string directory, string? postgresDatabase, DatabaseProvider provider, bool kestrel)
    {
        _kestrel = kestrel;
        App = app;
        Clock = clock;
        _directory = directory;
        _postgresDatabase = postgresDatabase;
        Provider = provider;
        Client = CreateClient();
    }

    internal WebApplication App { get; }

    public TestClock Clock { get; }

    public DatabaseProvider Provider { get; }

    /// <summary>An anonymous client.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts an app on <paramref name="provider"/>; <paramref name="configure"/> runs after the test defaults (e.g. a feature's test doubles).</summary>
    public static async Task<TestApp> StartAsync(
        DatabaseProvider provider, IDictionary<string, string?>? settings = null, bool migratePostgres = true, string[]? args = null, bool kestrel = false,
        Action<WebApplicationBuilder>? configure = null, string? url = null)
    {
        var directory = Directory.CreateTempSubdirectory("credstack-test-").FullName;
        var clock = new TestClock(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));
        string connectionString;
        string? database = null;
        if (provider is DatabaseProvider.Postgres)
        {
            database = "credstack_test_" + Guid.NewGuid().ToString("N");
            connectionString = await TestPostgres.CreateDatabaseAsync(database);
            if (migratePostgres)
            {
                var factory = StorageSetup.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString });
                var report = await new MigrationRunner(factory, clock).MigrateAsync(CancellationToken.None);
                await ((IAsyncDisposable)factory).DisposeAsync();
                Assert.True(report.Succeeded, report.Problem);
            }
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(directory, "credstack.db")}";
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Credstack:Storage:Provider"] = provider.ToString(),
            ["Credstack:Storage:ConnectionString"] = connectionString,
            ["Credstack:KeyProtection:KeyRingPath"] = Path.Combine(directory, "keys"),
            ["Credstack:PublicBaseUrl"] = url ?? "http://localhost",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = Program.Build(args ?? [], builder =>
        {
            if (kestrel)
            {
                // The real server, for what only Kestrel does (request body limits on chunked bodies).
                builder.WebHost.UseUrls(url ?? "http://127.0.0.1:0");
            }
            else
            {
                builder.WebHost.UseTestServer();
            }
            builder.Configuration.AddInMemoryCollection(values);
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<TimeProvider>(clock);
            // PBKDF2 at full strength costs ~0.1 s per hash; the tests check behaviour, not strength.
            builder.Services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1000);
            configure?.Invoke(builder);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            if (database is not null)
            {
                await TestPostgres.DropDatabaseAsync(database);
            }

            throw;
        }

        return new TestApp(app, clock, directory, database, provider, kestrel);
    }

    /// <summary>
    /// The real server on a free loopback port whose address is also the public base URL, so every link the
    /// pages and e-mails make (credential ids, claim links) opens in the browser that the tests drive.
    /// </summary>
    public static Task<TestApp> StartWebAsync(
        DatabaseProvider provider, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return StartAsync(provider, settings, kestrel: true, configure: configure, url: $"http://127.0.0.1:{port}");
    }

    /// <summary>The address the server listens on (the Kestrel URL, or the test server's base address).</summary>
    public Uri BaseAddress => _kestrel ? new Uri(App.Urls.First()) : new Uri("http://localhost");

    public HttpClient CreateClient() => _kestrel
        ? new HttpClient { BaseAddress = new Uri(App.Urls.First()) }
        : App.GetTestClient();

    internal T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Signs up a new account; returns its id and e-mail address.</summary>
    public async Task<TestAccount> SignUpAsync(string? email = null, string password = Password, string displayName = "Test Person")
    {
        email ??= $"person{Interlocked.Increment(ref _accounts)}@example.org";
        var response = await Client.PostAsJsonAsync("/api/v1/accounts", new { email, password, displayName });
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        return new TestAccount(body!["id"].ToString()!, email, password);
    }

    /// <summary>A client carrying the session cookie of <paramref name="account"/>.</summary>
    public async Task<HttpClient> SignInAsync(TestAccount account)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/sessions", new { email = account.Email, password = account.Password });
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var client = CreateClient();
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        return client;
    }

    /// <summary>A new account, signed in.</summary>
    public async Task<(TestAccount Account, HttpClient Client)> SignedInAsync(string? email = null)
    {
        var account = await SignUpAsync(email);
        return (account, await SignInAsync(account));
    }

    /// <summary>An organization created by a new owner; returns its id and the owner's client.</summary>
    public async Task<(string OrgId, HttpClient Owner)> CreateOrganizationAsync(string name = "Acme University", string kind = "issuer")
    {
        var (_, owner) = await SignedInAsync();
        var response = await owner.PostAsJsonAsync("/api/v1/orgs", new { name, kind });
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        return (body!["id"].ToString()!, owner);
    }

    /// <summary>A new account added to the organization with <paramref name="role"/> (owner, admin, issuer, viewer), signed in.</summary>
    public async Task<HttpClient> MemberAsync(string orgId, HttpClient owner, string role)
    {
        var account = await SignUpAsync();
        var response = await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/members", new { email = account.Email, role });
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return await SignInAsync(account);
    }

    /// <summary>An API token of the organization with <paramref name="scopes"/>, made by <paramref name="admin"/>.</summary>
#pragma warning disable CA1822 // an instance method, like the other seeding helpers, reads better at call sites
    public async Task<string> CreateTokenAsync(string orgId, HttpClient admin, params string[] scopes)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/orgs/{orgId}/tokens", new { name = "test token", scopes });
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
        return body!["token"].GetString()!;
    }
#pragma warning restore CA1822

    /// <summary>A client sending <paramref name="token"/> as a bearer token.</summary>
    public HttpClient TokenClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgresDatabase);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection; the temp directory is cleaned by the OS.
        }
    }
}
