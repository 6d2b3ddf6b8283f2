using System.Collections.Concurrent;
using System.Text.Json;

namespace Credstack.JsonLd.Tests.Processing;

/// <summary>
/// Serves the JSON-LD API test suite offline: <c>https://w3c.github.io/json-ld-api/tests/…</c> maps to the
/// local copy of <c>json-ld-api/tests/…</c>; any other URL fails, so no test can reach the network.
/// </summary>
internal sealed class SuiteDocumentLoader : IDocumentLoader
{
    public const string BaseIri = "https://w3c.github.io/json-ld-api/tests/";

    private readonly string _root;
    private readonly ConcurrentDictionary<string, RemoteDocument> _documents = new(StringComparer.Ordinal);

    public SuiteDocumentLoader(string root)
    {
        _root = root;
    }

    public RemoteDocument Load(Uri url, CancellationToken cancellationToken = default)
    {
        var text = url.OriginalString;
        if (!text.StartsWith(BaseIri, StringComparison.Ordinal))
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, $"The test loader serves only {BaseIri}, not <{text}>.");
        }

        return _documents.GetOrAdd(text, Read);
    }

    public JsonElement ReadJson(string relativePath) => Read(BaseIri + relativePath).Document;

    private RemoteDocument Read(string url)
    {
        var relative = url[BaseIri.Length..];
        var hash = relative.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            relative = relative[..hash];
        }

        var path = Path.Combine(_root, relative);
        if (!File.Exists(path))
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, $"No such test document: {relative}.");
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 512 });
        return new RemoteDocument(url, document.RootElement.Clone(), ContentType: "application/ld+json");
    }
}
