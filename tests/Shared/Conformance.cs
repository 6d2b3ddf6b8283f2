// Where the official suites and vectors live (../shared/conformance, overridable with
// CREDSTACK_CONFORMANCE) and how a test that needs them behaves when they are missing:
// skipped with a visible reason locally, failed under CI=true (STYLE.md, "Tests").
namespace Credstack.Tests;

internal static class Conformance
{
    private static readonly Lazy<string?> RootPath = new(FindRoot);

    /// <summary>True when the tests run under CI, where a missing prerequisite is a failure.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The conformance folder, or null when it cannot be found.</summary>
    public static string? Root => RootPath.Value;

    /// <summary>The path of a file or folder inside the conformance folder; fails the test if the folder is missing.</summary>
    public static string PathOf(params string[] parts)
    {
        var root = Root ?? throw new InvalidOperationException(MissingReason);
        return Path.Combine([root, .. parts]);
    }

    /// <summary>True when a part of the conformance material exists.</summary>
    public static bool Has(params string[] parts) => Root is { } root && (File.Exists(Path.Combine([root, .. parts])) || Directory.Exists(Path.Combine([root, .. parts])));

    public static string MissingReason =>
        "The conformance suites were not found: set CREDSTACK_CONFORMANCE or place them at ../shared/conformance beside the repository.";

    private static string? FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("CREDSTACK_CONFORMANCE");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        // Walk up from the test binary to the repository root, then look beside it.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "conformance");
            if (File.Exists(Path.Combine(dir.FullName, "Credstack.slnx")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}

/// <summary>A fact that needs the conformance material: skipped locally when it is missing, run (and failing) under CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute(params string[] requiredPath)
    {
        if (!Conformance.IsCi && !Conformance.Has(requiredPath))
        {
            Skip = Conformance.MissingReason + " (needs " + string.Join('/', requiredPath) + ")";
        }
    }
}

/// <summary>A theory that needs the conformance material: skipped locally when it is missing, run (and failing) under CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute(params string[] requiredPath)
    {
        if (!Conformance.IsCi && !Conformance.Has(requiredPath))
        {
            Skip = Conformance.MissingReason + " (needs " + string.Join('/', requiredPath) + ")";
        }
    }
}
