namespace Credstack.Credentials.Verification;

/// <summary>What an <see cref="IDocumentFetcher"/> got: the document's bytes, "not found", or a failure with its reason.</summary>
public sealed record DocumentFetchResult
{
    private DocumentFetchResult(ReadOnlyMemory<byte> content, bool notFound, string? error)
    {
        Content = content;
        NotFound = notFound;
        Error = error;
    }

    /// <summary>The document's bytes (UTF-8 JSON, or PEM text) when the fetch succeeded.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>True when there is no document at the URL (HTTP 404 / 410, or not in the map).</summary>
    public bool NotFound { get; }

    /// <summary>Why the fetch failed; null on success.</summary>
    public string? Error { get; }

    /// <summary>True when <see cref="Content"/> holds the document.</summary>
    public bool Succeeded => Error is null && !NotFound;

    /// <summary>A fetched document.</summary>
    public static DocumentFetchResult Found(ReadOnlyMemory<byte> content) => new(content, false, null);

    /// <summary>No document at <paramref name="url"/>.</summary>
    public static DocumentFetchResult Missing(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new(ReadOnlyMemory<byte>.Empty, true, $"No document at {url.OriginalString}.");
    }

    /// <summary>A fetch that failed for <paramref name="error"/>.</summary>
    public static DocumentFetchResult Failed(string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new(ReadOnlyMemory<byte>.Empty, false, error);
    }
}
