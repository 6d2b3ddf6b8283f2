using System.Text.Json;

namespace Credstack.JsonLd;

/// <summary>
/// A loaded document (JSON-LD 1.1 API §9.4.3 "RemoteDocument"): the final URL after any
/// redirects, the parsed JSON, and the context URL from an HTTP Link header if there was one.
/// </summary>
public sealed record RemoteDocument(string DocumentUrl, JsonElement Document, string? ContextUrl = null, string? ContentType = null);
