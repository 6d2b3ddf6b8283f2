// Where the ESCO sample lives (../shared/skills-data, overridable with CREDSTACK_SKILLS_DATA), found
// the way Conformance finds the conformance suites: skipped locally when missing, failed under CI=true.
namespace Credstack.Tests;

internal static class SkillsData
{
    private static readonly Lazy<string?> RootPath = new(FindRoot);

    public static string? Root => RootPath.Value;

    public static string MissingReason =>
        "The skills data was not found: set CREDSTACK_SKILLS_DATA or place it at ../shared/skills-data beside the repository.";

    public static string PathOf(params string[] parts)
    {
        var root = Root ?? throw new InvalidOperationException(MissingReason);
        return Path.Combine([root, .. parts]);
    }

    public static bool Has(params string[] parts) => Root is { } root && Directory.Exists(Path.Combine([root, .. parts]));

    private static string? FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("CREDSTACK_SKILLS_DATA");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "skills-data");
            if (File.Exists(Path.Combine(dir.FullName, "Credstack.slnx")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}

/// <summary>A fact that needs the skills data: skipped locally when it is missing, run (and failing) under CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SkillsDataFactAttribute : FactAttribute
{
    public SkillsDataFactAttribute(params string[] requiredPath)
    {
        if (!Conformance.IsCi && !SkillsData.Has(requiredPath))
        {
            Skip = SkillsData.MissingReason + " (needs " + string.Join('/', requiredPath) + ")";
        }
    }
}
