using System.Text.Json;
using Credstack.JsonLd;

namespace Credstack.Benchmarks.JsonLd;

/// <summary>
/// Serves contexts from ../shared/conformance/contexts (index.json: URL → file), parsed once. Stands in
/// for the pinned embedded context store in benchmarks; unknown URLs fail.
/// </summary>
public sealed class ContextFolderLoader : IDocumentLoader
{
    private readonly Dictionary<string, RemoteDocument> _documents = new(StringComparer.Ordinal);

    public ContextFolderLoader(string folder)
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "index.json")));
        foreach (var entry in index.RootElement.EnumerateObject())
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, entry.Value.GetString()!)));
            _documents[entry.Name] = new RemoteDocument(entry.Name, document.RootElement.Clone());
        }
    }

    public RemoteDocument Load(Uri url, CancellationToken cancellationToken = default) =>
        _documents.TryGetValue(url.OriginalString, out var document)
            ? document
            : throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, $"<{url}> is not a known context.");

    /// <summary>The conformance folder: CREDSTACK_CONFORMANCE, or ../shared/conformance beside the repository.</summary>
    public static string ConformanceRoot()
    {
        var configured = Environment.GetEnvironmentVariable("CREDSTACK_CONFORMANCE");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Credstack.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance"));
            }
        }

        throw new DirectoryNotFoundException("Set CREDSTACK_CONFORMANCE to the conformance folder.");
    }
}
