// JSON-LD 1.1 Processing Algorithms and API, §9.4.4 "LoadDocumentCallback" and §9.4.3
// "RemoteDocument": loads a document over HTTP(S), reports the final URL after redirects and,
// for plain application/json, the context named by a Link header
// (rel="http://www.w3.org/ns/json-ld#context"). Deviation: a non-JSON response is refused, not
// searched for a rel="alternate" Link, because a loader that only serves contexts never needs
// HTML documents.
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Credstack.JsonLd.Contexts;

/// <summary>
/// An opt-in network <see cref="IDocumentLoader"/>. It fetches only URLs under an explicit
/// allow-list (each redirect hop re-checked), over HTTPS unless told otherwise, within a time
/// limit and a response size cap, accepts only JSON media types, and keeps a bounded cache.
/// Nothing in Credstack uses it unless a caller configures it; combine it with the pinned
/// contexts through <see cref="CompositeDocumentLoader"/>.
/// </summary>
/// <remarks>
/// The injected <see cref="HttpClient"/> must not follow redirects itself (use
/// <see cref="CreateHandler"/>, or set <c>AllowAutoRedirect = false</c>); a response that shows a
/// redirect was followed behind the loader's back is refused, since that hop was never checked.
/// </remarks>
public sealed class HttpDocumentLoader : IDocumentLoader
{
    private const string ContextLinkRelation = "http://www.w3.org/ns/json-ld#context";

    private readonly HttpClient _httpClient;
    private readonly HttpDocumentLoaderOptions _options;
    private readonly UrlAllowList _allowList;
    private readonly DocumentCache _cache;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a loader that sends requests through <paramref name="httpClient"/> under <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">An allowed prefix is not an absolute https URL (or http with <see cref="HttpDocumentLoaderOptions.AllowInsecureHttp"/>), or a limit is out of range.</exception>
    public HttpDocumentLoader(HttpClient httpClient, HttpDocumentLoaderOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxResponseBytes, 0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRedirects, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxRedirects, HttpDocumentLoaderOptions.RedirectLimit, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.CacheCapacity, nameof(options));
        _httpClient = httpClient;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _allowList = new UrlAllowList(options.AllowedPrefixes, options.AllowInsecureHttp);
        _cache = new DocumentCache(options.CacheCapacity, options.CacheTimeToLive, _timeProvider);
    }

    /// <summary>A handler suited to this loader: no automatic redirects, decompression on (the size cap applies after it).</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseCookies = false,
    };

    /// <summary>The number of documents in the cache.</summary>
    internal int CachedCount => _cache.Count;

    /// <inheritdoc />
    /// <exception cref="JsonLdException">
    /// <see cref="JsonLdErrorCode.LoadingDocumentFailed"/> when the URL or a redirect target is not allowed
    /// (no request is made to it), on a timeout, an HTTP error, a non-JSON media type, a body over the
    /// size cap or invalid JSON; <see cref="JsonLdErrorCode.MultipleContextLinkHeaders"/> for more than one context Link header.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public RemoteDocument Load(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (_allowList.Refusal(url) is { } refusal)
        {
            throw Failed($"Refused to load {url.OriginalString}: {refusal}.");
        }

        var key = url.AbsoluteUri;
        if (_cache.TryGet(key, out var cached))
        {
            return cached!;
        }

        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var document = LoadCore(url, linked.Token);
            _cache.Add(key, document);
            return document;
        }
        catch (Exception exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested && exception is not JsonLdException)
        {
            throw Failed($"Loading {url.AbsoluteUri} timed out after {_options.Timeout.TotalSeconds:0.###} s.", exception);
        }
    }

    private RemoteDocument LoadCore(Uri url, CancellationToken cancellationToken)
    {
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.ParseAdd("application/ld+json");
            request.Headers.Accept.ParseAdd("application/json;q=0.9");

            using var response = Send(request, cancellationToken);
            if (response.RequestMessage?.RequestUri is { } sent && sent != current)
            {
                throw Failed($"Loading {current.AbsoluteUri} ended at {sent.AbsoluteUri}: the HttpClient followed a redirect itself; give the loader a handler with AllowAutoRedirect = false.");
            }

            if (IsRedirect(response.StatusCode))
            {
                var location = response.Headers.Location
                    ?? throw Failed($"{current.AbsoluteUri} answered {(int)response.StatusCode} without a Location header.");
                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (redirects >= _options.MaxRedirects)
                {
                    throw Failed($"Loading {url.AbsoluteUri} took more than {_options.MaxRedirects} redirects.");
                }

                if (_allowList.Refusal(next) is { } refusal)
                {
                    throw Failed($"Refused to follow the redirect from {current.AbsoluteUri} to {next.OriginalString}: {refusal}.");
                }

                current = next;
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Failed($"{current.AbsoluteUri} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!IsJsonMediaType(mediaType))
            {
                throw Failed($"{current.AbsoluteUri} is served as '{mediaType ?? "(no content type)"}', not as JSON (application/ld+json, application/json or application/*+json).");
            }

            var body = ReadCapped(response, current, cancellationToken);
            JsonElement document;
            try
            {
                using var parsed = JsonDocument.Parse(body);
                document = parsed.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                throw Failed($"{current.AbsoluteUri} is not valid JSON: {exception.Message}", exception);
            }

            var contextUrl = string.Equals(mediaType, "application/ld+json", StringComparison.OrdinalIgnoreCase)
                ? null
                : ContextLink(response.Headers, current);
            return new RemoteDocument(current.AbsoluteUri, document, contextUrl, mediaType);
        }
    }

    private HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return _httpClient.Send(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw Failed($"Loading {request.RequestUri} failed: {exception.Message}", exception);
        }
    }

    private byte[] ReadCapped(HttpResponseMessage response, Uri url, CancellationToken cancellationToken)
    {
        var cap = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is { } declared && declared > cap)
        {
            throw Failed($"{url.AbsoluteUri} declares {declared} bytes, more than the {cap}-byte limit.");
        }

        // A synchronous read does not observe the token; disposing the response unblocks it.
        using var registration = cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
        try
        {
            using var stream = response.Content.ReadAsStream(cancellationToken);
            using var body = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (body.Length + read > cap)
                {
                    throw Failed($"{url.AbsoluteUri} sent more than the {cap}-byte limit.");
                }

                body.Write(buffer, 0, read);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return body.ToArray();
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or ObjectDisposedException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw Failed($"Reading {url.AbsoluteUri} failed: {exception.Message}", exception);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status
        is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsJsonMediaType(string? mediaType) =>
        mediaType is not null
        && (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The URL of the Link header with rel="http://www.w3.org/ns/json-ld#context" (JSON-LD 1.1 API §9.4.4 step 5), or null.</summary>
    private static string? ContextLink(HttpResponseHeaders headers, Uri documentUrl)
    {
        if (!headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        var found = new List<string>();
        foreach (var link in values.SelectMany(SplitLinks))
        {
            var close = link.IndexOf('>', StringComparison.Ordinal);
            if (!link.StartsWith('<') || close < 0)
            {
                continue;
            }

            var parameters = link[(close + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var isContext = parameters.Any(parameter =>
            {
                var equals = parameter.IndexOf('=', StringComparison.Ordinal);
                return equals > 0
                    && string.Equals(parameter[..equals].Trim(), "rel", StringComparison.OrdinalIgnoreCase)
                    && parameter[(equals + 1)..].Trim().Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(ContextLinkRelation, StringComparer.Ordinal);
            });
            if (isContext)
            {
                found.Add(new Uri(documentUrl, link[1..close]).AbsoluteUri);
            }
        }

        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new JsonLdException(JsonLdErrorCode.MultipleContextLinkHeaders, $"{documentUrl.AbsoluteUri} has {found.Count} context Link headers."),
        };
    }

    // Link values are comma-separated, but commas may appear inside <...> and quoted strings.
    private static IEnumerable<string> SplitLinks(string value)
    {
        var start = 0;
        var inUrl = false;
        var inQuotes = false;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '<' when !inQuotes: inUrl = true; break;
                case '>' when !inQuotes: inUrl = false; break;
                case '"' when !inUrl: inQuotes = !inQuotes; break;
                case ',' when !inUrl && !inQuotes:
                    yield return value[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        yield return value[start..].Trim();
    }

    private static JsonLdException Failed(string message, Exception? inner = null) =>
        inner is null
            ? new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, message)
            : new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, message, inner);
}
