namespace Credstack.Cli.Tests.Log;

internal sealed class LogTestDirectory : IDisposable
{
    public LogTestDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "credstack-cli-log-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Log => Path.Combine(Root, "log");

    public string File(string name, byte[] content)
    {
        var path = Path.Combine(Root, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public string File(string name, string content) => File(name, System.Text.Encoding.UTF8.GetBytes(content));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"could not delete {Root}: {e.Message}");
        }
    }
}
