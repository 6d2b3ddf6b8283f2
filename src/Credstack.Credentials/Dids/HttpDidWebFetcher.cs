// did:web Method Specification §3.2 "Read (Resolve)" over HTTPS, with the safety limits of the
// did:web security considerations (§4) applied: HTTPS only, redirects followed only to the same
// host over HTTPS, a timeout, and a cap on the response size.
using System.Net;

namespace Credstack.Credentials.Dids;

/// <summary>
/// Fetches did.json files over HTTPS through a caller-supplied <see cref="HttpMessageHandler"/> (the library never
/// opens connections on its own). Give it a handler with automatic redirects off; redirects are followed here, only to
/// the same host over HTTPS, at most <see cref="MaxRedirects"/> times.
/// </summary>
public sealed class HttpDidWebFetcher : IDidWebFetcher, IDisposable
{
    /// <summary>The most redirects followed for one fetch.</summary>
    public const int MaxRedirects = 3;

    private readonly HttpClient _client;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a fetcher over <paramref name="handler"/> (not disposed by this fetcher).</summary>
    /// <exception cref="ArgumentException">The handler follows redirects on its own, so it could reach another host before the fetcher sees it.</exception>
    public HttpDidWebFetcher(HttpMessageHandler handler, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (handler is SocketsHttpHandler { AllowAutoRedirect: true } or HttpClientHandler { AllowAutoRedirect: true })
        {
            throw new ArgumentException("Give the did:web fetcher a handler with AllowAutoRedirect = false; it follows same-host redirects itself.", nameof(handler));
        }

        _client = new HttpClient(handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long one fetch (all redirects included) may take. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest document accepted, in bytes. Default 256 KB.</summary>
    public int MaxResponseBytes { get; init; } = DidDocument.MaxDocumentBytes;

    /// <inheritdoc />
    public async Task<DidWebFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return DidWebFetchResult.Failed($"Refusing to fetch {url}: did:web documents are fetched over HTTPS only.");
        }

        using var timeout = new CancellationTokenSource(Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var current = url;
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd("application/did+json");
                request.Headers.Accept.ParseAdd("application/json");
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);

                // A handler that followed a redirect on its own must still have stayed on the same host over HTTPS.
                var answered = response.RequestMessage?.RequestUri ?? current;
                if (!IsSameOriginHost(url, answered))
                {
                    return DidWebFetchResult.Failed($"Refusing the answer from {answered}: it is not {url.Host} over HTTPS.");
                }

                if (IsRedirect(response.StatusCode))
                {
                    var location = response.Headers.Location;
                    if (location is null)
                    {
                        return DidWebFetchResult.Failed($"{current} redirected without a Location.");
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (!IsSameOriginHost(url, next))
                    {
                        return DidWebFetchResult.Failed($"Refusing the redirect from {current} to {next}: it leaves {url.Host} or HTTPS.");
                    }

                    if (hop >= MaxRedirects)
                    {
                        return DidWebFetchResult.Failed($"More than {MaxRedirects} redirects from {url}.");
                    }

                    current = next;
                    continue;
                }

                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
                {
                    return DidWebFetchResult.Missing();
                }

                if (!response.IsSuccessStatusCode)
                {
                    return DidWebFetchResult.Failed($"{current} answered HTTP {(int)response.StatusCode}.");
                }

                if (response.Content.Headers.ContentLength > MaxResponseBytes)
                {
                    return DidWebFetchResult.Failed($"The document at {current} is larger than {MaxResponseBytes} bytes.");
                }

                return await ReadCappedAsync(response.Content, current, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return DidWebFetchResult.Failed($"Fetching {url} took longer than {Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException exception)
        {
            return DidWebFetchResult.Failed($"Fetching {url} failed: {exception.Message}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsSameOriginHost(Uri original, Uri candidate) =>
        candidate.IsAbsoluteUri
        && candidate.Scheme == Uri.UriSchemeHttps
        && string.Equals(candidate.IdnHost, original.IdnHost, StringComparison.OrdinalIgnoreCase)
        && candidate.Port == original.Port;

    private async Task<DidWebFetchResult> ReadCappedAsync(HttpContent content, Uri url, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    return DidWebFetchResult.Failed($"The document at {url} is larger than {MaxResponseBytes} bytes.");
                }

                buffer.Write(chunk, 0, read);
            }

            return DidWebFetchResult.Success(buffer.ToArray());
        }
    }
}
