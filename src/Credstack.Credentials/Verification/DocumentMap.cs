using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Credstack.JsonLd;
using Credstack.JsonLd.Contexts;

namespace Credstack.Credentials.Verification;

/// <summary>
/// An <see cref="IDocumentFetcher"/> over documents the caller has on disk or in memory: a URL → document map (the format
/// of the CLI's <c>--documents MAP.json</c> and of the conformance <c>contexts/index.json</c>: a JSON object from URL to
/// file path, relative to the map file's folder). It serves did:web documents (key the URL
/// <c>https://host/.well-known/did.json</c> or <c>https://host/path/did.json</c>), issuer profiles and controller
/// documents, status lists, OB 2.0 documents and PEM keys, and, through <see cref="JsonLdOptions"/>, extra
/// <c>@context</c> documents. URLs not in the map are "not found": nothing is ever fetched from the network.
/// </summary>
public sealed class DocumentMap : IDocumentFetcher
{
    /// <summary>Files larger than this are refused when a map is loaded (16 MiB).</summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    private readonly Dictionary<string, ReadOnlyMemory<byte>> _documents;
    private readonly Lazy<JsonLdOptions> _jsonLd;

    /// <summary>Creates a map from URLs to document bytes (JSON or PEM).</summary>
    public DocumentMap(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _documents = new Dictionary<string, ReadOnlyMemory<byte>>(documents, StringComparer.Ordinal);
        _jsonLd = new Lazy<JsonLdOptions>(BuildJsonLdOptions);
    }

    /// <summary>The URLs this map serves.</summary>
    public IReadOnlyCollection<string> Urls => _documents.Keys;

    /// <summary>
    /// JSON-LD options whose document loader serves the pinned contexts plus every JSON document of this map (a pinned
    /// context is never replaced). One instance per map, so the JSON-LD context cache stays effective.
    /// </summary>
    public JsonLdOptions JsonLdOptions => _jsonLd.Value;

    /// <summary>
    /// Reads a map file (a JSON object from absolute URL to file path, relative to the map's folder) and every file it
    /// names. Returns false with a sentence when the map or a file cannot be read; never throws for bad input.
    /// </summary>
    public static bool TryLoad(string mapFile, [NotNullWhen(true)] out DocumentMap? map, [NotNullWhen(false)] out string? error)
    {
        ArgumentException.ThrowIfNullOrEmpty(mapFile);
        map = null;
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(mapFile)) ?? ".";
            if (new FileInfo(mapFile).Length > MaxDocumentBytes)
            {
                error = $"The document map {mapFile} is larger than {MaxDocumentBytes} bytes.";
                return false;
            }

            using var json = JsonDocument.Parse(File.ReadAllBytes(mapFile));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"The document map {mapFile} must be a JSON object from URL to file path.";
                return false;
            }

            var documents = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
            foreach (var entry in json.RootElement.EnumerateObject())
            {
                if (!Uri.TryCreate(entry.Name, UriKind.Absolute, out _))
                {
                    error = $"In the document map {mapFile}, '{entry.Name}' is not an absolute URL.";
                    return false;
                }

                if (entry.Value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(entry.Value.GetString()))
                {
                    error = $"In the document map {mapFile}, the value for {entry.Name} must be a file path.";
                    return false;
                }

                var file = new FileInfo(Path.Combine(folder, entry.Value.GetString()!));
                if (!file.Exists)
                {
                    error = $"The document for {entry.Name} ({file.FullName}) does not exist.";
                    return false;
                }

                if (file.Length > MaxDocumentBytes)
                {
                    error = $"The document for {entry.Name} ({file.FullName}) is larger than {MaxDocumentBytes} bytes.";
                    return false;
                }

                documents[entry.Name] = File.ReadAllBytes(file.FullName);
            }

            map = new DocumentMap(documents);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = $"The document map {mapFile} is not valid JSON: {e.Message}";
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"The document map {mapFile} cannot be read: {e.Message}";
            return false;
        }
    }

    /// <inheritdoc />
    public ValueTask<DocumentFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        return ValueTask.FromResult(
            _documents.TryGetValue(url.OriginalString, out var content) || (url.IsAbsoluteUri && _documents.TryGetValue(url.AbsoluteUri, out content))
                ? DocumentFetchResult.Found(content)
                : DocumentFetchResult.Missing(url));
    }

    private JsonLdOptions BuildJsonLdOptions()
    {
        var pinned = PinnedContextLoader.Default;
        var contexts = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (url, content) in _documents)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || pinned.TryLoad(uri, out _))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 64 });
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    contexts[url] = json.RootElement.Clone();
                }
            }
            catch (JsonException)
            {
                // A PEM key or another non-JSON document: served by FetchAsync, never as a context.
                continue;
            }
        }

        return JsonLdOptions.Default with { DocumentLoader = contexts.Count == 0 ? pinned : pinned.WithDocuments(contexts) };
    }
}
