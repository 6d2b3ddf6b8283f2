// JSON-LD 1.1 Processing Algorithms and API, §7.2 "Node Map Generation": flattens the expanded form
// into graph name -> subject -> node, relabelling blank nodes. Input maps are read, never changed.
using System.Runtime.CompilerServices;
using JsonMap = System.Collections.Generic.Dictionary<string, object?>;

namespace Credstack.JsonLd.Processing;

/// <summary>Builds the node map of an expanded document.</summary>
internal sealed class NodeMapGenerator(BlankNodeIdGenerator identifiers)
{
    private const string DefaultGraph = Keywords.Default;
    private const int IndexThreshold = 8;

    private Dictionary<List<object?>, HashSet<object>>? _indexes;

    public Dictionary<string, Dictionary<string, JsonMap>> NodeMap { get; } = new(StringComparer.Ordinal)
    {
        [DefaultGraph] = new Dictionary<string, JsonMap>(StringComparer.Ordinal),
    };

    public void Generate(object? element) => Generate(element, DefaultGraph, null, null, null, null);

    private void Generate(object? element, string activeGraph, string? activeSubject, JsonMap? reverseSubject, string? activeProperty, List<object?>? list)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonLdException(JsonLdErrorCode.ResourceLimitExceeded, "The document nests too deeply to build its node map.");
        }

        if (element is List<object?> items)
        {
            foreach (var item in items)
            {
                Generate(item, activeGraph, activeSubject, reverseSubject, activeProperty, list);
            }

            return;
        }

        if (element is not JsonMap map)
        {
            return;
        }

        if (!NodeMap.TryGetValue(activeGraph, out var graph))
        {
            graph = new Dictionary<string, JsonMap>(StringComparer.Ordinal);
            NodeMap[activeGraph] = graph;
        }

        var subjectNode = activeSubject is not null && graph.TryGetValue(activeSubject, out var found) ? found : null;
        if (subjectNode is null && reverseSubject is null
            && (activeProperty is not null || (list is null && (map.ContainsKey(Keywords.Value) || map.ContainsKey(Keywords.List)))))
        {
            // A value with no subject to attach to: either impossible after expansion, or a free-floating value or list
            // directly inside a graph object (e.g. a @graph-container property whose value is a number), which flattening drops.
            return;
        }

        if (map.ContainsKey(Keywords.Value))
        {
            // Step 4: a value object. @type of a value object is a datatype IRI, not relabelled.
            if (list is null)
            {
                AddUnique(subjectNode!, activeProperty!, map);
            }
            else
            {
                list.Add(map);
            }

            return;
        }

        if (map.TryGetValue(Keywords.List, out var listValue))
        {
            // Step 5: a list object.
            var result = new List<object?>();
            Generate(listValue, activeGraph, activeSubject, reverseSubject, activeProperty, result);
            var listObject = new JsonMap(1, StringComparer.Ordinal) { [Keywords.List] = result };
            if (list is null)
            {
                Expander.AddValue(subjectNode!, activeProperty!, listObject);
            }
            else
            {
                list.Add(listObject);
            }

            return;
        }

        // Step 6: a node object.
        string id;
        if (map.TryGetValue(Keywords.Id, out var idValue))
        {
            // A null @id (from a keyword-like @id) is not an IRI: the node and references to it produce no triples.
            var givenId = idValue as string ?? string.Empty;
            id = IriResolver.IsBlankNode(givenId) ? identifiers.Generate(givenId) : givenId;
        }
        else
        {
            id = identifiers.Generate();
        }

        if (!graph.TryGetValue(id, out var node))
        {
            node = new JsonMap(StringComparer.Ordinal) { [Keywords.Id] = id };
            graph[id] = node;
        }

        if (reverseSubject is not null)
        {
            AddUnique(node, activeProperty!, reverseSubject);
        }
        else if (activeProperty is not null)
        {
            var reference = new JsonMap(1, StringComparer.Ordinal) { [Keywords.Id] = id };
            if (list is null)
            {
                AddUnique(subjectNode!, activeProperty, reference);
            }
            else
            {
                list.Add(reference);
            }
        }

        if (map.TryGetValue(Keywords.Type, out var types))
        {
            foreach (var type in Expander.AsList(types))
            {
                if (type is string typeIri)
                {
                    AddUnique(node, Keywords.Type, IriResolver.IsBlankNode(typeIri) ? identifiers.Generate(typeIri) : typeIri);
                }
            }
        }

        if (map.TryGetValue(Keywords.Index, out var index))
        {
            if (node.TryGetValue(Keywords.Index, out var existingIndex) && !ExpandedForm.DeepEquals(existingIndex, index))
            {
                throw new JsonLdException(JsonLdErrorCode.ConflictingIndexes, $"The node {id} has two different @index values.");
            }

            node[Keywords.Index] = index;
        }

        if (map.TryGetValue(Keywords.Reverse, out var reverse) && reverse is JsonMap reverseMap)
        {
            var referenced = new JsonMap(1, StringComparer.Ordinal) { [Keywords.Id] = id };
            foreach (var (property, values) in reverseMap)
            {
                foreach (var value in Expander.AsList(values))
                {
                    Generate(value, activeGraph, null, referenced, property, null);
                }
            }
        }

        if (map.TryGetValue(Keywords.Graph, out var graphValue))
        {
            Generate(graphValue, id, null, null, null, null);
        }

        if (map.TryGetValue(Keywords.Included, out var included))
        {
            Generate(included, activeGraph, null, null, null, null);
        }

        // Step 6.11: the remaining properties in lexicographic order (this fixes blank node numbering).
        List<string>? properties = null;
        foreach (var key in map.Keys)
        {
            if (key is Keywords.Id or Keywords.Type or Keywords.Index or Keywords.Reverse or Keywords.Graph or Keywords.Included)
            {
                continue;
            }

            (properties ??= []).Add(key);
        }

        if (properties is null)
        {
            return;
        }

        if (properties.Count > 1)
        {
            properties.Sort(string.CompareOrdinal);
        }

        foreach (var property in properties)
        {
            var value = map[property];
            var name = IriResolver.IsBlankNode(property) ? identifiers.Generate(property) : property;
            if (!node.ContainsKey(name))
            {
                node[name] = new List<object?>();
            }

            Generate(value, activeGraph, id, null, name, null);
        }
    }

    private void AddUnique(JsonMap node, string property, object value)
    {
        if (!node.TryGetValue(property, out var existing) || existing is not List<object?> list)
        {
            node[property] = new List<object?> { value };
            return;
        }

        if (list.Count < IndexThreshold)
        {
            foreach (var item in list)
            {
                if (ExpandedForm.DeepEquals(item, value))
                {
                    return;
                }
            }

            list.Add(value);
            return;
        }

        // Long value lists get a hash index, so uniqueness stays linear overall.
        _indexes ??= new Dictionary<List<object?>, HashSet<object>>(ReferenceEqualityComparer.Instance);
        if (!_indexes.TryGetValue(list, out var index))
        {
            index = new HashSet<object>(ExpandedValueComparer.Instance);
            foreach (var item in list)
            {
                index.Add(item!);
            }

            _indexes[list] = index;
        }

        if (index.Add(value))
        {
            list.Add(value);
        }
    }
}
