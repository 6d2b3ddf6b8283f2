// Outcome of IStatusListFetcher.FetchAsync (W3C Bitstring Status List v1.0, §3.2 STATUS_RETRIEVAL_ERROR).
namespace Credstack.Credentials.Status;

/// <summary>The bytes of a fetched document, or why they could not be fetched.</summary>
public sealed record StatusListFetchResult
{
    private StatusListFetchResult(ReadOnlyMemory<byte> content, string? error)
    {
        Content = content;
        Error = error;
    }

    /// <summary>The document bytes (JSON) when the fetch succeeded.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>Why the fetch failed; null when it succeeded.</summary>
    public string? Error { get; }

    /// <summary>True when <see cref="Content"/> holds the document.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A successful fetch.</summary>
    public static StatusListFetchResult Ok(ReadOnlyMemory<byte> content) => new(content, null);

    /// <summary>A failed fetch, with a sentence saying why.</summary>
    public static StatusListFetchResult Fail(string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new(ReadOnlyMemory<byte>.Empty, error);
    }
}
