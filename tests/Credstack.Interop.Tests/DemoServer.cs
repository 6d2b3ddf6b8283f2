using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Credstack.Interop.Tests;

/// <summary>
/// The real Credstack server as a child process (<c>dotnet Credstack.Server.dll --demo</c>) on a free loopback port with
/// a fresh SQLite database, its public base URL that port, so its credentials, did:web DIDs and status lists point at
/// it. Status lists re-sign within a second of a change, so what the demo revoked is in the lists at once.
/// </summary>
internal sealed class DemoServer : IAsyncDisposable
{
    public const string OrganizationId = "demo-university";
    public const string ViewerEmail = "viewer@demo.credstack.dev";
    public const string Password = "credstack-demo";

    private readonly Process _process;
    private readonly string _directory;

    private DemoServer(Process process, Uri address, string directory)
    {
        _process = process;
        _directory = directory;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    /// <summary>An anonymous client of the server, as a verifier on the network is.</summary>
    public HttpClient Client { get; }

    public static async Task<DemoServer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("credstack-demo-").FullName;
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])
        [
            Path.Combine(AppContext.BaseDirectory, "Credstack.Server.dll"), "--demo", "--urls", address.AbsoluteUri.TrimEnd('/'),
            "--Credstack:PublicBaseUrl", address.AbsoluteUri.TrimEnd('/'),
            "--Credstack:Storage:ConnectionString", $"Data Source={Path.Combine(directory, "credstack.db")}",
            "--Credstack:KeyProtection:KeyRingPath", Path.Combine(directory, "keys"),
            "--Credstack:StatusLists:RefreshInterval", "00:00:01",
        ])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Drain the output so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new DemoServer(process, address, directory);
        try
        {
            await server.WaitForDemoAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The demo organization's awards (newest first), read by the demo viewer; empty while the demo is being seeded.</summary>
    public async Task<JsonElement[]> AwardsAsync()
    {
        using var client = await TrySignInAsync();
        if (client is null)
        {
            return [];
        }

        using var response = await client.GetAsync($"/api/v1/orgs/{OrganizationId}/awards?limit=200");
        return response.IsSuccessStatusCode
            ? [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()]
            : [];
    }

    /// <summary>The document at <paramref name="url"/> (this server's), as JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url).PathAndQuery);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The temporary directory is left for the OS to clean.
        }
    }

    private async Task<HttpClient?> TrySignInAsync()
    {
        using var response = await Client.PostAsJsonAsync("/api/v1/sessions", new { email = ViewerEmail, password = Password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        return client;
    }

    /// <summary>Waits until the server answers and the demo seed has issued its credentials (the seed may run after the server listens).</summary>
    private async Task WaitForDemoAsync()
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            Assert.False(_process.HasExited, $"the server exited at start-up with code {(_process.HasExited ? _process.ExitCode : 0)}");
            try
            {
                using var health = await Client.GetAsync("/healthz");
                if (health.StatusCode == HttpStatusCode.OK && (await AwardsAsync()).Length >= 60)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(120), "the demo server was not ready within 120 s");
            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
