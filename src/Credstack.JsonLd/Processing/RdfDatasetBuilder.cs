// JSON-LD 1.1 Processing Algorithms and API, §8.2 "Deserialize JSON-LD to RDF Algorithm", §8.6 "Object
// to RDF Conversion" and §8.7 "List Conversion". Graphs, subjects and properties are visited in
// code-point order as the spec says, so the output order and blank node labels are deterministic.
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Credstack.JsonLd.Rdf;
using JsonMap = System.Collections.Generic.Dictionary<string, object?>;

namespace Credstack.JsonLd.Processing;

/// <summary>Turns a node map into RDF quads.</summary>
internal sealed class RdfDatasetBuilder(BlankNodeIdGenerator identifiers, RdfDirection rdfDirection, bool produceGeneralizedRdf)
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    private const string XsdBoolean = Xsd + "boolean";
    private const string XsdDouble = Xsd + "double";
    private const string XsdInteger = Xsd + "integer";
    private const string RdfJson = Rdf + "JSON";

    private static readonly RdfTerm RdfType = RdfTerm.Iri(Rdf + "type");
    private static readonly RdfTerm RdfFirst = RdfTerm.Iri(Rdf + "first");
    private static readonly RdfTerm RdfRest = RdfTerm.Iri(Rdf + "rest");
    private static readonly RdfTerm RdfNil = RdfTerm.Iri(Rdf + "nil");
    private static readonly RdfTerm RdfValue = RdfTerm.Iri(Rdf + "value");
    private static readonly RdfTerm RdfLanguage = RdfTerm.Iri(Rdf + "language");
    private static readonly RdfTerm RdfDirectionProperty = RdfTerm.Iri(Rdf + "direction");

    private readonly List<Quad> _quads = [];

    // Reused for every value: list and compound-literal triples go right after the triple that refers to them.
    private readonly List<(RdfTerm, RdfTerm, RdfTerm)> _listTriples = [];

    public List<Quad> Build(Dictionary<string, Dictionary<string, JsonMap>> nodeMap)
    {
        foreach (var graphName in Sorted(nodeMap.Keys))
        {
            RdfTerm graphTerm;
            if (graphName == Keywords.Default)
            {
                graphTerm = RdfTerm.DefaultGraph;
            }
            else if (Resource(graphName) is { } named)
            {
                graphTerm = named;
            }
            else
            {
                continue;
            }

            var graph = nodeMap[graphName];
            foreach (var subjectId in Sorted(graph.Keys))
            {
                if (Resource(subjectId) is not { } subject)
                {
                    continue;
                }

                var node = graph[subjectId];
                foreach (var property in Sorted(node.Keys))
                {
                    var values = node[property];
                    if (property == Keywords.Type)
                    {
                        foreach (var type in Expander.AsList(values))
                        {
                            if (type is string typeIri && Resource(typeIri) is { } typeTerm)
                            {
                                _quads.Add(new Quad(subject, RdfType, typeTerm, graphTerm));
                            }
                        }

                        continue;
                    }

                    if (Keywords.IsKeyword(property))
                    {
                        continue;
                    }

                    if (IriResolver.IsBlankNode(property) ? !produceGeneralizedRdf : !IriResolver.IsWellFormedIri(property))
                    {
                        continue;
                    }

                    var predicate = IriResolver.IsBlankNode(property) ? RdfTerm.BlankNode(property[2..]) : RdfTerm.Iri(property);
                    foreach (var item in Expander.AsList(values))
                    {
                        _listTriples.Clear();
                        if (ObjectToRdf(item, _listTriples) is { } obj)
                        {
                            _quads.Add(new Quad(subject, predicate, obj, graphTerm));
                        }

                        foreach (var (s, p, o) in _listTriples)
                        {
                            _quads.Add(new Quad(s, p, o, graphTerm));
                        }
                    }
                }
            }
        }

        return _quads;
    }

    private static RdfTerm? Resource(string id)
    {
        if (IriResolver.IsBlankNode(id))
        {
            return RdfTerm.BlankNode(id[2..]);
        }

        return IriResolver.IsWellFormedIri(id) ? RdfTerm.Iri(id) : null;
    }

    // §8.6 Object to RDF Conversion.
    private RdfTerm? ObjectToRdf(object? item, List<(RdfTerm, RdfTerm, RdfTerm)> listTriples)
    {
        if (item is not JsonMap map)
        {
            return null;
        }

        if (!map.TryGetValue(Keywords.Value, out var value))
        {
            if (map.TryGetValue(Keywords.List, out var list))
            {
                return ListToRdf(Expander.AsList(list), listTriples);
            }

            return map.TryGetValue(Keywords.Id, out var id) && id is string nodeId ? Resource(nodeId) : null;
        }

        var datatype = map.TryGetValue(Keywords.Type, out var type) ? type as string : null;
        if (datatype is not null && datatype != Keywords.Json && !IriResolver.IsWellFormedIri(datatype))
        {
            return null;
        }

        var language = map.TryGetValue(Keywords.Language, out var languageValue) ? languageValue as string : null;
        if (language is not null && !IsWellFormedLanguageTag(language))
        {
            return null;
        }

        string lexical;
        if (datatype == Keywords.Json)
        {
            lexical = value is JsonElement element ? Jcs.JsonCanonicalizer.CanonicalizeToString(element) : "null";
            datatype = RdfJson;
        }
        else
        {
            switch (value)
            {
                case bool flag:
                    lexical = flag ? "true" : "false";
                    datatype ??= XsdBoolean;
                    break;
                case double number when Math.Floor(number) != number || Math.Abs(number) >= 1e21 || datatype == XsdDouble:
                    lexical = CanonicalDouble(number);
                    datatype ??= XsdDouble;
                    break;
                case double number:
                    lexical = number == 0 ? "0" : number.ToString("F0", CultureInfo.InvariantCulture);
                    datatype ??= XsdInteger;
                    break;
                case string text:
                    lexical = text;
                    datatype ??= language is null ? RdfTerm.XsdString : RdfTerm.RdfLangString;
                    break;
                default:
                    return null;
            }
        }

        if (map.TryGetValue(Keywords.Direction, out var directionValue) && directionValue is string direction && rdfDirection != RdfDirection.None)
        {
            var tag = language?.ToLowerInvariant() ?? string.Empty;
            if (rdfDirection == RdfDirection.I18nDatatype)
            {
                return RdfTerm.Literal(lexical, "https://www.w3.org/ns/i18n#" + tag + "_" + direction);
            }

            var literal = RdfTerm.BlankNode(identifiers.Generate()[2..]);
            listTriples.Add((literal, RdfValue, RdfTerm.Literal(lexical)));
            if (language is not null)
            {
                listTriples.Add((literal, RdfLanguage, RdfTerm.Literal(tag)));
            }

            listTriples.Add((literal, RdfDirectionProperty, RdfTerm.Literal(direction)));
            return literal;
        }

        return language is not null && datatype == RdfTerm.RdfLangString
            ? RdfTerm.Literal(lexical, language: language)
            : RdfTerm.Literal(lexical, datatype);
    }

    // §8.7 List Conversion.
    private RdfTerm ListToRdf(List<object?> list, List<(RdfTerm, RdfTerm, RdfTerm)> listTriples)
    {
        if (list.Count == 0)
        {
            return RdfNil;
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonLdException(JsonLdErrorCode.ResourceLimitExceeded, "Lists nest too deeply to convert to RDF.");
        }

        var nodes = new RdfTerm[list.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = RdfTerm.BlankNode(identifiers.Generate()[2..]);
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            var embedded = new List<(RdfTerm, RdfTerm, RdfTerm)>();
            if (ObjectToRdf(list[i], embedded) is { } obj)
            {
                listTriples.Add((nodes[i], RdfFirst, obj));
            }

            listTriples.Add((nodes[i], RdfRest, i + 1 < nodes.Length ? nodes[i + 1] : RdfNil));
            listTriples.AddRange(embedded);
        }

        return nodes[0];
    }

    /// <summary>The canonical lexical form of xsd:double (XML Schema 1.1 §3.3.5.2), for example <c>1.1E0</c>.</summary>
    internal static string CanonicalDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "INF" : "-INF";
        }

        // 16 significant digits like ECMAScript's toExponential(15), then trailing zeros trimmed (keeping one).
        var text = value.ToString("E15", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = text.AsSpan(0, e).TrimEnd('0');
        if (mantissa[^1] == '.')
        {
            mantissa = text.AsSpan(0, mantissa.Length + 1);
        }

        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return string.Concat(mantissa, "E", exponent.ToString(CultureInfo.InvariantCulture));
    }

    // BCP 47 well-formedness in the simple form JSON-LD processors use: letters, then alphanumeric subtags.
    private static bool IsWellFormedLanguageTag(string tag)
    {
        var segmentLength = 0;
        var first = true;
        foreach (var c in tag)
        {
            if (c == '-')
            {
                if (segmentLength == 0)
                {
                    return false;
                }

                first = false;
                segmentLength = 0;
                continue;
            }

            if (!(first ? char.IsAsciiLetter(c) : char.IsAsciiLetterOrDigit(c)) || ++segmentLength > 8)
            {
                return false;
            }
        }

        return segmentLength > 0;
    }

    private static string[] Sorted(Dictionary<string, Dictionary<string, JsonMap>>.KeyCollection keys) => Sorted(keys.Count, keys);

    private static string[] Sorted(Dictionary<string, JsonMap>.KeyCollection keys) => Sorted(keys.Count, keys);

    private static string[] Sorted(Dictionary<string, object?>.KeyCollection keys) => Sorted(keys.Count, keys);

    private static string[] Sorted(int count, IEnumerable<string> keys)
    {
        var array = new string[count];
        var i = 0;
        foreach (var key in keys)
        {
            array[i++] = key;
        }

        if (array.Length > 1)
        {
            Array.Sort(array, string.CompareOrdinal);
        }

        return array;
    }
}
