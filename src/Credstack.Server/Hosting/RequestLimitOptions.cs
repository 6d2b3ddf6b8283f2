namespace Credstack.Server.Hosting;

/// <summary><c>Credstack:Limits</c>: request size limits (an endpoint may raise its own with <c>WithRequestSizeLimit</c> metadata).</summary>
internal sealed class RequestLimitOptions
{
    /// <summary>The largest request body accepted by default, in bytes (1 MiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
