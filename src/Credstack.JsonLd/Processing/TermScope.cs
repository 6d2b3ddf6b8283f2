using System.Text.Json;

namespace Credstack.JsonLd.Processing;

/// <summary>
/// The arguments Create Term Definition (JSON-LD 1.1 API §4.2.2) shares with IRI Expansion while one
/// context definition is processed: the local context, the "defined" map and the flags of the call.
/// </summary>
internal sealed class TermScope(Dictionary<string, JsonElement> local, string? baseUrl, bool isProtected, bool overrideProtected, RemoteContextChain? remoteContexts)
{
    public Dictionary<string, JsonElement> Local { get; } = local;

    public Dictionary<string, bool> Defined { get; } = new(StringComparer.Ordinal);

    public string? BaseUrl { get; } = baseUrl;

    public bool IsProtected { get; } = isProtected;

    public bool OverrideProtected { get; } = overrideProtected;

    public RemoteContextChain? RemoteContexts { get; } = remoteContexts;

    public bool NeedsDefinition(string term) => Local.ContainsKey(term) && !(Defined.TryGetValue(term, out var done) && done);
}
