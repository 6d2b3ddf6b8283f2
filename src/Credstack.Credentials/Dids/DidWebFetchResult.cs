namespace Credstack.Credentials.Dids;

/// <summary>What an <see cref="IDidWebFetcher"/> got: the body, "not found", or a failure with its reason.</summary>
public sealed record DidWebFetchResult
{
    private DidWebFetchResult(ReadOnlyMemory<byte> body, bool notFound, string? failure)
    {
        Body = body;
        NotFound = notFound;
        Failure = failure;
    }

    /// <summary>The document bytes when the fetch succeeded.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>True for HTTP 404 / 410.</summary>
    public bool NotFound { get; }

    /// <summary>Why the fetch failed (null on success and on not-found).</summary>
    public string? Failure { get; }

    /// <summary>True when <see cref="Body"/> holds the document.</summary>
    public bool Succeeded => !NotFound && Failure is null;

    /// <summary>A fetched document.</summary>
    public static DidWebFetchResult Success(ReadOnlyMemory<byte> body) => new(body, false, null);

    /// <summary>No document at that URL.</summary>
    public static DidWebFetchResult Missing() => new(default, true, null);

    /// <summary>A fetch that failed for <paramref name="reason"/>.</summary>
    public static DidWebFetchResult Failed(string reason) => new(default, false, reason);
}
