using System.Text.Json;

namespace Credstack.JsonLd;

/// <summary>
/// Options of the JSON-LD processor (JSON-LD 1.1 API §9.4.1 "JsonLdOptions"), plus Credstack's
/// safe mode and resource limits. Instances are immutable and may be shared between threads.
/// </summary>
public sealed record JsonLdOptions
{
    /// <summary>The options used when none are given: no base IRI, no document loader, JSON-LD 1.1.</summary>
    public static JsonLdOptions Default { get; } = new();

    /// <summary>The base IRI of the document, used to resolve relative IRIs (<c>base</c>).</summary>
    public string? Base { get; init; }

    /// <summary>
    /// Loads remote contexts. The default is <see cref="Contexts.PinnedContextLoader.Default"/>: the
    /// contexts embedded in this assembly, never the network. <c>null</c> means no remote loading at all:
    /// any remote context fails with <see cref="JsonLdErrorCode.LoadingRemoteContextFailed"/>. The processor
    /// never touches the network itself.
    /// </summary>
    /// <remarks>
    /// The result of processing a remote context is cached for the life of the process, keyed by this loader
    /// instance and the URL, so a loader must serve the same document for a URL every time (pinned contexts),
    /// and should be a long-lived instance rather than one per call.
    /// </remarks>
    public IDocumentLoader? DocumentLoader { get; init; } = Contexts.PinnedContextLoader.Default;

    /// <summary>The processing mode (<c>processingMode</c>).</summary>
    public JsonLdProcessingMode ProcessingMode { get; init; } = JsonLdProcessingMode.JsonLd11;

    /// <summary>
    /// A context applied before the document's own (<c>expandContext</c>); either a context value or a map
    /// with an <c>@context</c> entry.
    /// </summary>
    public JsonElement? ExpandContext { get; init; }

    /// <summary>How <c>toRdf</c> represents base direction (<c>rdfDirection</c>).</summary>
    public RdfDirection RdfDirection { get; init; } = RdfDirection.None;

    /// <summary>When true, <c>toRdf</c> keeps triples whose predicate is a blank node (<c>produceGeneralizedRdf</c>).</summary>
    public bool ProduceGeneralizedRdf { get; init; }

    /// <summary>
    /// When true, anything the algorithms would silently drop (a term with no definition and no <c>@vocab</c>,
    /// a relative IRI that cannot be resolved, a keyword-like key) raises <see cref="JsonLdException"/> with
    /// <see cref="JsonLdErrorCode.SafeModeDroppedTerm"/>, naming the term and its JSON path. Verifiers use it
    /// so that signed data cannot hide statements from the canonical form.
    /// </summary>
    public bool SafeMode { get; init; }

    /// <summary>The deepest nesting of arrays and objects accepted in a document (default 256).</summary>
    public int MaxNestingDepth { get; init; } = 256;

    /// <summary>How deeply remote contexts may include each other before <see cref="JsonLdErrorCode.ContextOverflow"/> (default 32).</summary>
    public int MaxContextDepth { get; init; } = 32;

    /// <summary>How many distinct remote contexts one document may load (default 64).</summary>
    public int MaxRemoteContexts { get; init; } = 64;

    /// <summary>The largest serialized input accepted by the overloads that parse text or bytes (default 8 MiB).</summary>
    public int MaxInputBytes { get; init; } = 8 * 1024 * 1024;
}
