namespace Credstack.Ledger.Tests.Storage;

internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "credstack-ledger-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"could not delete {Path}: {e.Message}");
        }
    }
}
