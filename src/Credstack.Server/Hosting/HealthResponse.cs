namespace Credstack.Server.Hosting;

/// <summary>The answer of <c>GET /healthz</c>.</summary>
internal sealed record HealthResponse(string Status, string Storage);
