using Microsoft.Playwright;

namespace Credstack.Server.Tests.Web;

/// <summary>
/// Screenshots of the main pages for docs/screenshots: taken only when <c>CREDSTACK_SCREENSHOTS</c> names a
/// folder (tools/screenshots.sh sets it to docs/screenshots and runs the browser tests).
/// </summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name, bool fullPage = true)
    {
        if (Environment.GetEnvironmentVariable("CREDSTACK_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }
}
