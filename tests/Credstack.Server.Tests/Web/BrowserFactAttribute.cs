namespace Credstack.Server.Tests.Web;

/// <summary>
/// A test in a real browser. It runs on SQLite: the pages call the same stores whose tests run on both
/// providers. Skipped with a visible reason when Chromium is missing; run (and failing) under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        Skip = TestBrowser.SkipReason;
    }
}
