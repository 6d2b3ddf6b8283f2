using System.Text.Json;

namespace Credstack.JsonLd.Contexts;

/// <summary>A document held by a <see cref="PinnedContextStore"/>.</summary>
/// <param name="Url">The canonical URL of the document (an alias resolves to its canonical URL).</param>
/// <param name="Document">The parsed document; safe to read from any thread.</param>
/// <param name="Entry">The manifest entry for an embedded context, or null for a document added with <see cref="PinnedContextStore.WithDocuments"/>.</param>
public sealed record PinnedContext(string Url, JsonElement Document, ContextManifestEntry? Entry);
