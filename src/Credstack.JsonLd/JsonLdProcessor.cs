// JSON-LD 1.1 Processing Algorithms and API (W3C Recommendation 16 July 2020), §9.2 "The
// JsonLdProcessor Interface": expand() and toRdf(). Synchronous, because contexts come from an
// IDocumentLoader that is synchronous by design (see IDocumentLoader).
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.JsonLd.Processing;
using Credstack.JsonLd.Rdf;

namespace Credstack.JsonLd;

/// <summary>JSON-LD 1.1 expansion and deserialization to RDF.</summary>
public static class JsonLdProcessor
{
    /// <summary>Expands a JSON-LD document (the <c>expand()</c> method of JSON-LD 1.1 API §9.2).</summary>
    /// <param name="input">The document.</param>
    /// <param name="options">Processing options; <see cref="JsonLdOptions.Default"/> when null.</param>
    /// <returns>The expanded document: always an array of node objects.</returns>
    /// <exception cref="JsonLdException">The document is not valid JSON-LD, a context cannot be loaded, a limit is exceeded, or safe mode rejects it.</exception>
    public static JsonArray Expand(JsonElement input, JsonLdOptions? options = null)
    {
        options ??= JsonLdOptions.Default;
        return ExpandedForm.ToJsonArray(ExpandCore(input, options));
    }

    /// <summary>Parses UTF-8 JSON text and expands it.</summary>
    /// <exception cref="JsonLdException">Also <see cref="JsonLdErrorCode.InvalidJson"/> for malformed JSON and <see cref="JsonLdErrorCode.ResourceLimitExceeded"/> for input larger than <see cref="JsonLdOptions.MaxInputBytes"/>.</exception>
    public static JsonArray Expand(ReadOnlyMemory<byte> utf8Json, JsonLdOptions? options = null)
    {
        options ??= JsonLdOptions.Default;
        using var document = Parse(utf8Json, options);
        return Expand(document.RootElement, options);
    }

    /// <summary>Parses JSON text and expands it.</summary>
    public static JsonArray Expand(string json, JsonLdOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Expand(Utf8(json, options ?? JsonLdOptions.Default), options);
    }

    /// <summary>
    /// Converts a JSON-LD document to an RDF dataset (the <c>toRdf()</c> method of JSON-LD 1.1 API §9.2):
    /// expansion, node map generation and §8.2 "Deserialize JSON-LD to RDF". Blank nodes are labelled
    /// <c>b0</c>, <c>b1</c>, ... in the order the spec's identifier generator issues them.
    /// </summary>
    /// <param name="input">The document.</param>
    /// <param name="options">Processing options; <see cref="JsonLdOptions.Default"/> when null.</param>
    /// <returns>The quads, in the spec's order (graphs, then subjects, then properties, each sorted).</returns>
    /// <exception cref="JsonLdException">The document is not valid JSON-LD, a context cannot be loaded, a limit is exceeded, or safe mode rejects it.</exception>
    public static IReadOnlyList<Quad> ToRdf(JsonElement input, JsonLdOptions? options = null)
    {
        options ??= JsonLdOptions.Default;
        var expanded = ExpandCore(input, options);
        var identifiers = new BlankNodeIdGenerator();
        var nodeMap = new NodeMapGenerator(identifiers);
        nodeMap.Generate(expanded);
        try
        {
            return new RdfDatasetBuilder(identifiers, options.RdfDirection, options.ProduceGeneralizedRdf).Build(nodeMap.NodeMap);
        }
        catch (InvalidOperationException e) when (IsUndecodableText(e))
        {
            throw InvalidText(e);
        }
    }

    /// <summary>Parses UTF-8 JSON text and converts it to RDF.</summary>
    /// <exception cref="JsonLdException">Also <see cref="JsonLdErrorCode.InvalidJson"/> for malformed JSON and <see cref="JsonLdErrorCode.ResourceLimitExceeded"/> for input larger than <see cref="JsonLdOptions.MaxInputBytes"/>.</exception>
    public static IReadOnlyList<Quad> ToRdf(ReadOnlyMemory<byte> utf8Json, JsonLdOptions? options = null)
    {
        options ??= JsonLdOptions.Default;
        using var document = Parse(utf8Json, options);
        return ToRdf(document.RootElement, options);
    }

    /// <summary>Parses JSON text and converts it to RDF.</summary>
    public static IReadOnlyList<Quad> ToRdf(string json, JsonLdOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ToRdf(Utf8(json, options ?? JsonLdOptions.Default), options);
    }

    private static List<object?> ExpandCore(JsonElement input, JsonLdOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxNestingDepth, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxContextDepth, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRemoteContexts, nameof(options));
        try
        {
            var contexts = new ContextProcessor(options);
            var active = ContextProcessor.Initial(options.Base);
            if (options.ExpandContext is { } expandContext)
            {
                var local = expandContext.ValueKind == JsonValueKind.Object && expandContext.TryGetProperty("@context", out var inner) ? inner : expandContext;
                active = contexts.Process(active, local, active.OriginalBaseUrl, null);
            }

            return new Expander(contexts).ExpandDocument(input, active, options.Base);
        }
        catch (InvalidOperationException e) when (IsUndecodableText(e))
        {
            throw InvalidText(e);
        }
    }

    // System.Text.Json parses a lone surrogate escape ("\ud800") but cannot turn it into a string later.
    private static bool IsUndecodableText(InvalidOperationException e) =>
        e.Source?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true;

    private static JsonLdException InvalidText(InvalidOperationException e) =>
        new(JsonLdErrorCode.InvalidJson, $"The input contains text that is not valid UTF-16: {e.Message}", e);

    private static byte[] Utf8(string json, JsonLdOptions options)
    {
        // A UTF-8 encoding is at most three bytes per UTF-16 unit; check before allocating.
        if (json.Length > options.MaxInputBytes || Encoding.UTF8.GetByteCount(json) > options.MaxInputBytes)
        {
            throw TooLarge(options);
        }

        return Encoding.UTF8.GetBytes(json);
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json, JsonLdOptions options)
    {
        if (utf8Json.Length > options.MaxInputBytes)
        {
            throw TooLarge(options);
        }

        try
        {
            return JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = options.MaxNestingDepth + 1 });
        }
        catch (JsonException e)
        {
            if (ExceedsDepth(utf8Json.Span, options.MaxNestingDepth + 1))
            {
                throw new JsonLdException(JsonLdErrorCode.ResourceLimitExceeded, $"The document nests deeper than {options.MaxNestingDepth} levels.", e);
            }

            throw new JsonLdException(JsonLdErrorCode.InvalidJson, $"The input is not valid JSON: {e.Message}", e);
        }
    }

    // Only called after a parse failure, to tell "too deep" from "malformed".
    private static bool ExceedsDepth(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = int.MaxValue / 2 });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= maxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }

    private static JsonLdException TooLarge(JsonLdOptions options) =>
        new(JsonLdErrorCode.ResourceLimitExceeded, $"The input is larger than the {options.MaxInputBytes}-byte limit (JsonLdOptions.MaxInputBytes).");
}
