using System.Net;
using System.Net.Sockets;
using Credstack.Credentials.Verification;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Verification;

/// <summary>
/// Fetches documents of other hosts for the verifier when <c>Credstack:Verification:AllowRemote</c> is on: HTTPS only,
/// hosts from the allow-list (<see cref="VerificationOptions.RemoteHosts"/>), no connection to loopback, private or
/// link-local addresses unless the host is listed (server-side request forgery), at most
/// <see cref="MaxRedirects"/> redirects each checked the same way, a timeout and a size cap. Failures are values.
/// </summary>
internal sealed class RemoteDocumentFetcher : IDocumentFetcher, IDisposable
{
    public const int MaxRedirects = 3;

    private readonly HttpClient _client;
    private readonly VerificationOptions _options;
    private readonly TimeProvider _time;

    public RemoteDocumentFetcher(IOptions<VerificationOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async ValueTask<DocumentFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var timeout = new CancellationTokenSource(_options.RemoteTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (Refusal(current) is { } refusal)
                {
                    return DocumentFetchResult.Failed(refusal);
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd("application/json");
                request.Headers.Accept.ParseAdd("application/did+json");
                request.Headers.Accept.ParseAdd("application/ld+json");
                request.Headers.Accept.ParseAdd("*/*;q=0.1");
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= MaxRedirects)
                    {
                        return DocumentFetchResult.Failed($"More than {MaxRedirects} redirects from {url}.");
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
                {
                    return DocumentFetchResult.Missing(current);
                }

                if (!response.IsSuccessStatusCode)
                {
                    return DocumentFetchResult.Failed($"{current} answered HTTP {(int)response.StatusCode}.");
                }

                if (response.Content.Headers.ContentLength > _options.MaxRemoteDocumentBytes)
                {
                    return DocumentFetchResult.Failed($"The document at {current} is larger than {_options.MaxRemoteDocumentBytes} bytes.");
                }

                return await ReadCappedAsync(response.Content, current, linked.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return DocumentFetchResult.Failed($"Fetching {current} took longer than {_options.RemoteTimeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException e)
        {
            return DocumentFetchResult.Failed($"Fetching {current} failed: {e.Message}");
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Why <paramref name="url"/> may not be fetched, or null when it may.</summary>
    internal string? Refusal(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps)
        {
            return $"Refusing to fetch {url.OriginalString}: remote documents are fetched over HTTPS only.";
        }

        return _options.RemoteHosts.Count == 0 || IsListed(url.IdnHost)
            ? null
            : $"Refusing to fetch {url}: {url.Host} is not in Credstack:Verification:RemoteHosts.";
    }

    private bool IsListed(string host) => _options.RemoteHosts.Any(entry =>
        entry.StartsWith('.')
            ? host.EndsWith(entry, StringComparison.OrdinalIgnoreCase) || string.Equals(host, entry[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, entry, StringComparison.OrdinalIgnoreCase));

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var listed = IsListed(host);
        var allowed = addresses.Where(a => listed || IsPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{host} resolves only to loopback, private or link-local addresses, which are not fetched.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<DocumentFetchResult> ReadCappedAsync(HttpContent content, Uri url, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _options.MaxRemoteDocumentBytes)
            {
                return DocumentFetchResult.Failed($"The document at {url} is larger than {_options.MaxRemoteDocumentBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return DocumentFetchResult.Found(buffer.ToArray());
    }

    internal static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or >= 224
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168));
        }

        var v6 = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (v6[0] & 0xFE) == 0xFC
            || address.Equals(IPAddress.IPv6None));
    }
}
