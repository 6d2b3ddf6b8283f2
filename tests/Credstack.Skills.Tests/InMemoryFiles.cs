namespace Credstack.Skills.Tests;

/// <summary>Files by name for importers that take an opener.</summary>
internal sealed class InMemoryFiles : Dictionary<string, string>
{
    public InMemoryFiles()
        : base(StringComparer.Ordinal)
    {
    }

    public TextReader? Open(string name) => TryGetValue(name, out var text) ? new StringReader(text) : null;
}
