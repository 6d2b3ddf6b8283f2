using System.Text.Json;
using Microsoft.Playwright;

namespace Credstack.Server.Tests.Web;

/// <summary>
/// Automated accessibility checks with axe-core (npm, pinned in tools/browser; ./test.sh installs it),
/// injected into the page under test. <see cref="SeriousViolationsAsync"/> returns the violations of
/// impact "serious" or "critical" as readable lines, so an assertion failure says what to fix.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string?> Script = new(() => File.Exists(ScriptPath) ? File.ReadAllText(ScriptPath) : null);

    public static string ScriptPath
    {
        get
        {
            var tools = Environment.GetEnvironmentVariable("CREDSTACK_BROWSER_TOOLS");
            if (string.IsNullOrEmpty(tools))
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Credstack.slnx")))
                    {
                        tools = Path.Combine(dir.FullName, "tools", "browser");
                        break;
                    }
                }
            }

            return Path.Combine(tools ?? "tools/browser", "node_modules", "axe-core", "axe.min.js");
        }
    }

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var script = Script.Value ?? throw new InvalidOperationException(
            $"axe-core not found at {ScriptPath}: run ./test.sh (npm ci in tools/browser) or set CREDSTACK_BROWSER_TOOLS.");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = script });
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')})`)");
        return [.. json.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>Fails the test when the page has serious or critical violations, naming each.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core on {page.Url}:\n" + string.Join('\n', violations));
    }
}
