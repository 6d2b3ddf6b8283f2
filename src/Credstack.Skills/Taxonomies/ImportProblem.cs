namespace Credstack.Skills.Taxonomies;

/// <summary>A row an importer rejected, with where it is and why.</summary>
/// <param name="File">The file name.</param>
/// <param name="Line">The 1-based line where the record starts (0 for a file-level problem).</param>
/// <param name="Message">What is wrong.</param>
public sealed record ImportProblem(string File, long Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
