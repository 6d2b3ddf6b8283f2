// Where the ESCO sample lives for CLI tests (../shared/skills-data, overridable with CREDSTACK_SKILLS_DATA):
// skipped locally when missing, failed under CI=true, as Conformance does for the suites.
namespace Credstack.Cli.Tests.Skills;

internal static class SkillsDataPath
{
    private static readonly Lazy<string?> RootPath = new(FindRoot);

    public static string MissingReason => "The skills data was not found: set CREDSTACK_SKILLS_DATA or place it at ../shared/skills-data beside the repository.";

    public static bool Has => RootPath.Value is { } root && Directory.Exists(Path.Combine(root, "esco-sample"));

    public static string Of(params string[] parts) => Path.Combine([RootPath.Value ?? throw new InvalidOperationException(MissingReason), .. parts]);

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

/// <summary>A fact that needs the ESCO sample: skipped locally when it is missing, run (and failing) under CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SkillsDataFactAttribute : FactAttribute
{
    public SkillsDataFactAttribute()
    {
        if (!Conformance.IsCi && !SkillsDataPath.Has)
        {
            Skip = SkillsDataPath.MissingReason;
        }
    }
}
