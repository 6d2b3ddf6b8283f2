using System.Text.Json;

namespace Credstack.JsonLd.Processing;

/// <summary>
/// A scoped context from a term definition (JSON-LD 1.1 API §4.2.2 step 21) and the base URL it was
/// defined under. Its reference identity keys the cache of contexts derived by applying it, so a
/// type-scoped context of a pinned context is processed once per process, not once per node.
/// </summary>
internal sealed class ScopedContext(JsonElement value, string? baseUrl)
{
    public JsonElement Value { get; } = value;

    public string? BaseUrl { get; } = baseUrl;
}
