using System.Collections.Concurrent;
using System.Text.Json;

namespace Credstack.JsonLd.Tests.Processing;

/// <summary>
/// Test-only loader over ../shared/conformance/contexts/index.json (URL → file). The pinned, embedded
/// context store of Credstack.JsonLd.Contexts replaces it in production. Unknown URLs fail loudly.
/// </summary>
internal sealed class ContextFolderLoader : IDocumentLoader
{
    private readonly string _folder;
    private readonly Dictionary<string, string> _files;
    private readonly ConcurrentDictionary<string, RemoteDocument> _documents = new(StringComparer.Ordinal);

    public ContextFolderLoader()
    {
        _folder = Conformance.PathOf("contexts");
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, "index.json")));
        _files = index.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    public int Loads { get; private set; }

    public RemoteDocument Load(Uri url, CancellationToken cancellationToken = default)
    {
        var key = url.OriginalString;
        if (!_files.TryGetValue(key, out var file))
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, $"<{key}> is not a known context.");
        }

        return _documents.GetOrAdd(key, _ =>
        {
            Loads++;
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, file)));
            return new RemoteDocument(key, document.RootElement.Clone(), ContentType: "application/ld+json");
        });
    }
}
