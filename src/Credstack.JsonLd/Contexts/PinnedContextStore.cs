using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Credstack.JsonLd.Contexts;

/// <summary>
/// The <c>@context</c> documents Credstack trusts without fetching them: the contexts embedded in
/// this assembly (listed in <c>Contexts/manifest.json</c>, see docs/contexts.md) plus any
/// documents a caller adds. Each document is parsed once, on first use, and is then shared
/// read-only by every thread.
/// </summary>
/// <remarks>
/// URL matching is exact (ordinal, no trailing-slash, fragment or scheme folding). The only other
/// URLs that resolve are the aliases the manifest lists for a context; each one is a URL its
/// publisher serves the same document at (for w3id.org, the <c>http://</c> form, which w3id.org
/// redirects to <c>https://</c>).
/// </remarks>
public sealed class PinnedContextStore
{
    private const string ManifestResource = "Credstack.JsonLd.Contexts.manifest.json";
    private const string DocumentResourcePrefix = "Credstack.JsonLd.Contexts.Documents.";

    private static readonly Lazy<PinnedContextStore> EmbeddedStore = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Slot> _slots;

    private PinnedContextStore(IReadOnlyList<ContextManifestEntry> manifest, FrozenDictionary<string, Slot> slots)
    {
        Manifest = manifest;
        _slots = slots;
    }

    /// <summary>The contexts embedded in this assembly.</summary>
    public static PinnedContextStore Embedded => EmbeddedStore.Value;

    /// <summary>The manifest entries of the embedded contexts this store holds.</summary>
    public IReadOnlyList<ContextManifestEntry> Manifest { get; }

    /// <summary>Every URL that resolves in this store: canonical URLs, aliases and added documents.</summary>
    public IReadOnlyCollection<string> Urls => _slots.Keys;

    /// <summary>True when <paramref name="url"/> resolves in this store.</summary>
    public bool Contains(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return _slots.ContainsKey(url);
    }

    /// <summary>Finds the document for <paramref name="url"/> (exact match or a listed alias), parsing it on first use.</summary>
    public bool TryGet(string url, [NotNullWhen(true)] out PinnedContext? context)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (_slots.TryGetValue(url, out var slot))
        {
            context = slot.Context;
            return true;
        }

        context = null;
        return false;
    }

    /// <summary>
    /// Returns a store that also holds <paramref name="documents"/> (URL → document). A URL that is
    /// already present must come with a JSON-equal document: silently replacing a pinned context
    /// would change what every credential that uses it means, so a different one is refused.
    /// </summary>
    /// <exception cref="ArgumentException">A URL is not absolute, a document is undefined, or a document differs from the one already held for its URL.</exception>
    public PinnedContextStore WithDocuments(IReadOnlyDictionary<string, JsonElement> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var slots = new Dictionary<string, Slot>(_slots, StringComparer.Ordinal);
        foreach (var (url, document) in documents)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                throw new ArgumentException($"'{url}' is not an absolute URL.", nameof(documents));
            }

            if (document.ValueKind == JsonValueKind.Undefined)
            {
                throw new ArgumentException($"The document for {url} is undefined.", nameof(documents));
            }

            // Detach from the caller's JsonDocument, whose lifetime this store does not control.
            var copy = document.Clone();
            if (slots.TryGetValue(url, out var existing))
            {
                if (JsonElement.DeepEquals(existing.Context.Document, copy))
                {
                    continue;
                }

                throw new ArgumentException(
                    $"The document given for {url} differs from the one this store already holds; a pinned context is never replaced.",
                    nameof(documents));
            }

            slots[url] = new Slot(new PinnedContext(url, copy, null));
        }

        return new PinnedContextStore(Manifest, slots.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Returns a store without the contexts the manifest marks as examples (for example the VC examples contexts).</summary>
    public PinnedContextStore WithoutExamples()
    {
        var slots = _slots.Where(pair => pair.Value.Entry is not { IsExample: true });
        return new PinnedContextStore(
            [.. Manifest.Where(entry => !entry.IsExample)],
            slots.ToFrozenDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));
    }

    /// <summary>The raw bytes of an embedded document, by its file name in the manifest.</summary>
    internal static byte[] ReadEmbeddedBytes(string file) => ReadResource(DocumentResourcePrefix + file);

    /// <summary>The file names of every embedded document resource.</summary>
    internal static IReadOnlyList<string> EmbeddedDocumentFiles() =>
        [.. typeof(PinnedContextStore).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(DocumentResourcePrefix, StringComparison.Ordinal))
            .Select(name => name[DocumentResourcePrefix.Length..])];

    /// <summary>Parses the embedded manifest.</summary>
    internal static IReadOnlyList<ContextManifestEntry> ReadEmbeddedManifest()
    {
        using var manifest = JsonDocument.Parse(ReadResource(ManifestResource));
        var entries = new List<ContextManifestEntry>();
        foreach (var item in manifest.RootElement.GetProperty("contexts").EnumerateArray())
        {
            entries.Add(new ContextManifestEntry(
                Url: Required(item, "url"),
                File: Required(item, "file"),
                Kind: Required(item, "kind"),
                Source: Required(item, "source"),
                Package: Optional(item, "package"),
                Version: Optional(item, "version"),
                PathInPackage: Optional(item, "path"),
                Specification: Optional(item, "specification"),
                Extraction: Required(item, "extraction"),
                Sha256: Required(item, "sha256"),
                Aliases: item.TryGetProperty("aliases", out var aliases)
                    ? [.. aliases.EnumerateArray().Select(alias => alias.GetString() ?? throw Broken("an alias is null"))]
                    : []));
        }

        return entries;
    }

    private static PinnedContextStore LoadEmbedded()
    {
        var manifest = ReadEmbeddedManifest();
        var slots = new Dictionary<string, Slot>(StringComparer.Ordinal);
        foreach (var entry in manifest)
        {
            var slot = new Slot(entry);
            foreach (var url in entry.Aliases.Prepend(entry.Url))
            {
                if (!slots.TryAdd(url, slot))
                {
                    throw Broken($"{url} is listed twice");
                }
            }
        }

        return new PinnedContextStore(manifest, slots.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(PinnedContextStore).Assembly.GetManifestResourceStream(name)
            ?? throw Broken($"the resource {name} is missing");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string Required(JsonElement item, string name) =>
        Optional(item, name) ?? throw Broken($"an entry has no '{name}'");

    private static string? Optional(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // The manifest and documents are part of the build; a problem with them is a broken build, not bad input.
    private static InvalidOperationException Broken(string problem) =>
        new($"The embedded context manifest of Credstack.JsonLd is broken: {problem}.");

    /// <summary>One document, shared by its canonical URL and its aliases, parsed at most once.</summary>
    private sealed class Slot
    {
        private readonly Lazy<PinnedContext> _context;

        public Slot(ContextManifestEntry entry)
        {
            Entry = entry;
            _context = new Lazy<PinnedContext>(() => new PinnedContext(entry.Url, Parse(entry), entry), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public Slot(PinnedContext context)
        {
            _context = new Lazy<PinnedContext>(context);
        }

        public ContextManifestEntry? Entry { get; }

        public PinnedContext Context => _context.Value;

        private static JsonElement Parse(ContextManifestEntry entry)
        {
            try
            {
                using var document = JsonDocument.Parse(ReadEmbeddedBytes(entry.File));
                return document.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                throw new InvalidOperationException($"The embedded context {entry.File} ({entry.Url}) is not valid JSON.", exception);
            }
        }
    }
}
