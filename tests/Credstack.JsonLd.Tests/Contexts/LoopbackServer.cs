using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Credstack.JsonLd.Tests.Contexts;

/// <summary>What the loopback server answers to one request.</summary>
internal sealed record LoopbackResponse(int Status, string? ContentType, byte[] Body)
{
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>Send Content-Length (otherwise the body ends when the connection closes).</summary>
    public bool SendContentLength { get; init; } = true;

    /// <summary>A Content-Length to declare instead of the real one.</summary>
    public long? DeclaredLength { get; init; }

    /// <summary>Wait this long before answering (the server stops waiting when it is disposed).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Send the head and half the body first, then wait <see cref="Delay"/> before the rest.</summary>
    public bool StallMidBody { get; init; }

    public static LoopbackResponse Json(string json, string contentType = "application/ld+json") =>
        new(200, contentType, Encoding.UTF8.GetBytes(json));

    public static LoopbackResponse Redirect(string location, int status = 302) =>
        new(status, null, []) { Headers = [("Location", location)] };
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 with a random port, so the HTTP loader is tested
/// against real sockets: one response per connection, every request path recorded.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, LoopbackResponse> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _requests = [];
    private readonly Lock _lock = new();

    public LoopbackServer(Func<string, LoopbackResponse> respond)
    {
        _respond = respond;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>The origin to put in an allow-list, e.g. http://127.0.0.1:41234.</summary>
    public string Origin => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public Uri Url(string path) => new(Origin + path);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var path = await ReadRequestPathAsync(stream);
                lock (_lock)
                {
                    _requests.Add(path);
                }

                var response = _respond(path);
                if (response.Delay > TimeSpan.Zero && !response.StallMidBody)
                {
                    await Task.Delay(response.Delay, _stop.Token);
                }

                var head = new StringBuilder();
                head.Append("HTTP/1.1 ").Append(response.Status).Append(" Status\r\n");
                if (response.ContentType is not null)
                {
                    head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
                }

                foreach (var (name, value) in response.Headers)
                {
                    head.Append(name).Append(": ").Append(value).Append("\r\n");
                }

                if (response.SendContentLength)
                {
                    head.Append("Content-Length: ").Append(response.DeclaredLength ?? response.Body.Length).Append("\r\n");
                }

                head.Append("Connection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
                var firstPart = response.StallMidBody ? response.Body.Length / 2 : response.Body.Length;
                await stream.WriteAsync(response.Body.AsMemory(0, firstPart), _stop.Token);
                if (response.StallMidBody)
                {
                    await stream.FlushAsync(_stop.Token);
                    await Task.Delay(response.Delay, _stop.Token);
                    await stream.WriteAsync(response.Body.AsMemory(firstPart), _stop.Token);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (for example, the loader gave up on purpose): nothing to serve.
            }
        }
    }

    private static async Task<string> ReadRequestPathAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer) > 0)
        {
            head.Append((char)buffer[0]);
        }

        var requestLine = head.ToString().Split("\r\n")[0].Split(' ');
        return requestLine.Length > 1 ? requestLine[1] : "";
    }
}
