// The canonicalization pipeline the *-rdfc-* Data Integrity cryptosuites sign over
// (VC Data Integrity EdDSA Cryptosuites v1.0 §3.3.2 "Transformation (eddsa-rdfc-2022)"):
// JSON-LD 1.1 Deserialize JSON-LD to RDF (which expands first), then RDFC-1.0 §4.4.
using System.Text.Json;
using Credstack.JsonLd.Contexts;

namespace Credstack.JsonLd.Canonicalization;

/// <summary>
/// Turns a JSON-LD document into its RDFC-1.0 canonical N-Quads in one call: expand, toRdf,
/// canonicalize. Contexts come from <see cref="JsonLdOptions.DocumentLoader"/>, the pinned
/// store unless the caller configures another loader; nothing is fetched from the network by default.
/// </summary>
public static class JsonLdCanonicalizer
{
    private static readonly RdfCanonicalizer DefaultCanonicalizer = new();

    /// <summary>Canonicalizes a UTF-8 JSON-LD document; throws <see cref="JsonLdException"/> for bad input.</summary>
    public static RdfCanonicalizationResult Canonicalize(ReadOnlyMemory<byte> utf8Json, JsonLdOptions? options = null, RdfCanonicalizer? canonicalizer = null)
    {
        var quads = JsonLdProcessor.ToRdf(utf8Json, options ?? JsonLdOptions.Default);
        return (canonicalizer ?? DefaultCanonicalizer).Canonicalize(quads);
    }

    /// <summary>Canonicalizes a parsed JSON-LD document; throws <see cref="JsonLdException"/> for bad input.</summary>
    public static RdfCanonicalizationResult Canonicalize(JsonElement document, JsonLdOptions? options = null, RdfCanonicalizer? canonicalizer = null)
    {
        var quads = JsonLdProcessor.ToRdf(document, options ?? JsonLdOptions.Default);
        return (canonicalizer ?? DefaultCanonicalizer).Canonicalize(quads);
    }

    /// <summary>Options that serve the pinned contexts plus the documents in a URL → file map (the format of <c>contexts/index.json</c>).</summary>
    public static JsonLdOptions WithDocumentMap(string mapFile) =>
        JsonLdOptions.Default with { DocumentLoader = PinnedContextLoader.Default.WithDocumentMap(mapFile) };
}
