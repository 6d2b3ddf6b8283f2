using Credstack.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Credstack.Server.Tests.Web;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, or <c>CREDSTACK_CHROMIUM</c>) driven by Playwright for .NET, headless.
/// ./test.sh installs the <c>chromium</c> package when it is missing; Playwright never downloads a browser.
/// Missing Chromium: browser tests are skipped with a visible reason locally and fail under CI=true.
/// </summary>
public sealed class TestBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private TestBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string ExecutablePath => Environment.GetEnvironmentVariable("CREDSTACK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Why browser tests are skipped, or null when they run (always under CI, where a missing browser fails them).</summary>
    public static string? SkipReason =>
        Conformance.IsCi ? null
        : !File.Exists(ExecutablePath) ? $"Chromium not found at {ExecutablePath}: install Debian's chromium package (./test.sh does) or set CREDSTACK_CHROMIUM."
        : !File.Exists(Axe.ScriptPath) ? $"axe-core not found at {Axe.ScriptPath}: run ./test.sh (npm ci in tools/browser) or set CREDSTACK_BROWSER_TOOLS."
        : null;

    public static async Task<TestBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // The machine has no network but loopback: keep Chromium from calling home at every start.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
            });
            return new TestBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A new page in a fresh context (its own cookies) for <paramref name="app"/>, at a desktop or phone size.</summary>
    public Task<IPage> NewPageAsync(TestApp app, bool phone = false) => NewPageAsync(app.BaseAddress, phone);

    /// <summary>A new page in a fresh context whose relative URLs resolve against <paramref name="baseAddress"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        // Generous: CI runs the test assemblies in parallel on 2 cores, and a page that is slow under that load is not a failure.
        context.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
