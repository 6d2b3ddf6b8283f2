using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Credstack.JsonLd.Contexts;

/// <summary>
/// The default <see cref="IDocumentLoader"/>: serves documents from a <see cref="PinnedContextStore"/>
/// and never touches the network. Any other URL fails with
/// <see cref="JsonLdErrorCode.LoadingDocumentFailed"/>, so a credential cannot make a verifier
/// fetch (or an attacker swap) a context. Network loading is opt-in through
/// <see cref="HttpDocumentLoader"/> and <see cref="CompositeDocumentLoader"/>.
/// </summary>
public sealed class PinnedContextLoader : IDocumentLoader
{
    private const string ContentType = "application/ld+json";

    private static readonly Lazy<PinnedContextLoader> DefaultLoader = new(() => new PinnedContextLoader(PinnedContextStore.Embedded));

    /// <summary>Creates a loader over <paramref name="store"/>.</summary>
    public PinnedContextLoader(PinnedContextStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
    }

    /// <summary>The loader over the contexts embedded in this assembly (examples contexts included).</summary>
    public static PinnedContextLoader Default => DefaultLoader.Value;

    /// <summary>The documents this loader serves.</summary>
    public PinnedContextStore Store { get; }

    /// <inheritdoc />
    /// <exception cref="JsonLdException"><see cref="JsonLdErrorCode.LoadingDocumentFailed"/> when the URL is not pinned.</exception>
    public RemoteDocument Load(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (TryLoad(url, out var document))
        {
            return document;
        }

        throw new JsonLdException(
            JsonLdErrorCode.LoadingDocumentFailed,
            $"{url.OriginalString} is not a pinned context; Credstack does not fetch remote contexts unless a loader that allows it is configured.");
    }

    /// <summary>Loads <paramref name="url"/> when it is pinned; false otherwise. Never throws for an unknown URL.</summary>
    public bool TryLoad(Uri url, [NotNullWhen(true)] out RemoteDocument? document)
    {
        ArgumentNullException.ThrowIfNull(url);

        // The original string is what the document said; AbsoluteUri only adds System.Uri's
        // RFC 3986 syntax normalisation (lower-case scheme and host), which names the same resource.
        if (Store.TryGet(url.OriginalString, out var context)
            || (url.IsAbsoluteUri && Store.TryGet(url.AbsoluteUri, out context)))
        {
            document = new RemoteDocument(context.Url, context.Document, ContextUrl: null, ContentType);
            return true;
        }

        document = null;
        return false;
    }

    /// <summary>Returns a loader that also serves <paramref name="documents"/> (see <see cref="PinnedContextStore.WithDocuments"/>).</summary>
    public PinnedContextLoader WithDocuments(IReadOnlyDictionary<string, JsonElement> documents) =>
        new(Store.WithDocuments(documents));

    /// <summary>
    /// Returns a loader that also serves the documents named by a map file: a JSON object from URL
    /// to file path, the paths relative to the map file's folder (the format of the CLI's
    /// <c>--documents MAP.json</c> and of the conformance <c>contexts/index.json</c>).
    /// </summary>
    /// <exception cref="JsonLdException"><see cref="JsonLdErrorCode.LoadingDocumentFailed"/> when the map or a file it names cannot be read or is not JSON.</exception>
    /// <exception cref="ArgumentException">A URL is not absolute or would replace a pinned context with a different document.</exception>
    public PinnedContextLoader WithDocumentMap(string mapFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(mapFile);
        var folder = Path.GetDirectoryName(Path.GetFullPath(mapFile)) ?? ".";
        var documents = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var map = ReadJson(mapFile, "document map");
        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, $"The document map {mapFile} must be a JSON object from URL to file path.");
        }

        foreach (var property in map.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(property.Value.GetString()))
            {
                throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, $"In the document map {mapFile}, the value for {property.Name} must be a file path.");
            }

            documents[property.Name] = ReadJson(Path.Combine(folder, property.Value.GetString()!), $"document for {property.Name}");
        }

        return WithDocuments(documents);
    }

    private static JsonElement ReadJson(string file, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            return document.RootElement.Clone();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, $"The {what} {file} cannot be read: {exception.Message}", exception);
        }
        catch (JsonException exception)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, $"The {what} {file} is not valid JSON: {exception.Message}", exception);
        }
    }
}
