namespace Credstack.JsonLd.Contexts;

/// <summary>Limits for <see cref="HttpDocumentLoader"/>. Only <see cref="AllowedPrefixes"/> has no default.</summary>
public sealed record HttpDocumentLoaderOptions
{
    /// <summary>The largest number of redirects the loader follows.</summary>
    public const int RedirectLimit = 5;

    /// <summary>
    /// URL prefixes that may be fetched, such as <c>https://contexts.example.org/</c>. A URL is
    /// allowed when its scheme, host and port equal a prefix's and its path starts with the
    /// prefix's path at a segment boundary (<c>https://a.example/ctx</c> allows <c>/ctx</c> and
    /// <c>/ctx/v1</c>, not <c>/ctx-evil</c>). Every redirect target is checked again.
    /// </summary>
    public required IReadOnlyList<string> AllowedPrefixes { get; init; }

    /// <summary>Time for the whole load: every redirect hop, the headers and the body. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest body read, in bytes, whatever Content-Length says. Default 1 MiB.</summary>
    public int MaxResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>Redirects followed before giving up, at most <see cref="RedirectLimit"/>. Default 5.</summary>
    public int MaxRedirects { get; init; } = RedirectLimit;

    /// <summary>Allows <c>http://</c> prefixes. Off by default; meant for loopback tests.</summary>
    public bool AllowInsecureHttp { get; init; }

    /// <summary>How many loaded documents are kept; 0 turns the cache off. Default 128.</summary>
    public int CacheCapacity { get; init; } = 128;

    /// <summary>How long a cached document is served before it is loaded again. Default 30 minutes.</summary>
    public TimeSpan CacheTimeToLive { get; init; } = TimeSpan.FromMinutes(30);
}
