// JSON-LD 1.1 Processing Algorithms and API (W3C Recommendation 16 July 2020), §5.1 "Expansion
// Algorithm" and §5.3 "Value Expansion". The expanded form is built as plain .NET values
// (Dictionary<string, object?> maps, List<object?> arrays, string, double, bool, and JsonElement for
// @json literals) so toRdf can walk it without re-parsing; JsonLdProcessor.Expand converts it to JsonNode.
// Deviations: frame expansion is not implemented (not needed for expand/toRdf); recursion depth is
// bounded by JsonLdOptions.MaxNestingDepth; safe mode turns silent drops into errors.
using System.Runtime.CompilerServices;
using System.Text.Json;
using JsonMap = System.Collections.Generic.Dictionary<string, object?>;

namespace Credstack.JsonLd.Processing;

/// <summary>Expands one document.</summary>
internal sealed class Expander
{
    private readonly ContextProcessor _contexts;
    private readonly bool _safeMode;
    private readonly int _maxDepth;
    private int _depth;

    public Expander(ContextProcessor contexts)
    {
        _contexts = contexts;
        _safeMode = contexts.Options.SafeMode;
        _maxDepth = contexts.Options.MaxNestingDepth;
    }

    /// <summary>Expands a document with the API's top-level rules (§9.2 expand(), steps 8 and 9).</summary>
    public List<object?> ExpandDocument(JsonElement document, ActiveContext active, string? baseUrl)
    {
        var expanded = Expand(active, null, document, baseUrl, fromMap: false, _safeMode ? JsonPath.Root : null);
        if (expanded is JsonMap map && map.Count == 1 && map.TryGetValue(Keywords.Graph, out var graph))
        {
            expanded = graph;
        }

        return expanded switch
        {
            null => [],
            List<object?> list => list,
            _ => [expanded],
        };
    }

    private object? Expand(ActiveContext active, string? activeProperty, JsonElement element, string? baseUrl, bool fromMap, JsonPath? path)
    {
        // Step 3: the property-scoped context of the active property.
        var propertyDefinition = activeProperty is null ? null : active.Term(activeProperty);
        var propertyScoped = propertyDefinition?.LocalContext;

        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Array:
                return ExpandArray(active, activeProperty, propertyDefinition, element, baseUrl, fromMap, path);
            case JsonValueKind.Object:
                Enter(path);
                var expanded = ExpandObject(active, activeProperty, propertyScoped, element, baseUrl, fromMap, path);
                _depth--;
                return expanded;

            default:
                // Step 4: a scalar. Free-floating scalars are dropped.
                if (activeProperty is null or Keywords.Graph)
                {
                    return null;
                }

                if (propertyScoped is not null)
                {
                    active = _contexts.ProcessScoped(active, propertyScoped, overrideProtected: true, propagate: true);
                }

                return ExpandValue(active, activeProperty, Scalar(element), path);
        }
    }

    private List<object?> ExpandArray(ActiveContext active, string? activeProperty, TermDefinition? propertyDefinition, JsonElement element, string? baseUrl, bool fromMap, JsonPath? path)
    {
        // No try/finally around the depth count: an exception abandons the whole Expander, and unwinding
        // thousands of finally blocks is what made deep hostile input slow to reject.
        Enter(path);
        // Step 5: expand each item, flattening nested arrays except inside a list container.
        var isList = propertyDefinition is not null && (propertyDefinition.Container & ContainerKinds.List) != 0;
        var result = new List<object?>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var expanded = Expand(active, activeProperty, item, baseUrl, fromMap, path?.Child(index));
            index++;
            if (isList && expanded is List<object?> nested)
            {
                expanded = new JsonMap(1, StringComparer.Ordinal) { [Keywords.List] = nested };
            }

            if (expanded is List<object?> items)
            {
                result.AddRange(items);
            }
            else if (expanded is not null)
            {
                result.Add(expanded);
            }
        }

        _depth--;
        return result;
    }

    private void Enter(JsonPath? path)
    {
        // The stack check backs up the configured depth: a large MaxNestingDepth must not crash the process.
        if (++_depth > _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _depth--;
            throw new JsonLdException(JsonLdErrorCode.ResourceLimitExceeded, $"The document nests deeper than {_maxDepth} levels" + (path is null ? "." : $" (at {path})."));
        }
    }

    private object? ExpandObject(ActiveContext active, string? activeProperty, ScopedContext? propertyScoped, JsonElement element, string? baseUrl, bool fromMap, JsonPath? path)
    {
        // Property names are decoded once; the algorithm walks the entries several times.
        var entries = ReadEntries(element);

        // Step 7: a term-scoped (non-propagated) context does not apply to a new node object.
        if (active.PreviousContext is not null && !fromMap && !KeepsScopedContext(active, entries))
        {
            active = active.PreviousContext;
        }

        // Step 8: the property-scoped context.
        if (propertyScoped is not null)
        {
            active = _contexts.ProcessScoped(active, propertyScoped, overrideProtected: true, propagate: true);
        }

        // Step 9: an embedded context.
        if (element.TryGetProperty(Keywords.Context, out var embedded))
        {
            active = _contexts.Process(active, embedded, baseUrl, null);
        }

        // Steps 10 to 12: type-scoped contexts, applied in lexicographic order of the types.
        var typeScoped = active;
        string? inputType = null;
        List<(string Key, JsonElement Value)>? typeEntries = null;
        foreach (var (name, value) in entries)
        {
            if (_contexts.ExpandIri(active, name, documentRelative: false, vocab: true) == Keywords.Type)
            {
                (typeEntries ??= []).Add((name, value));
            }
        }

        if (typeEntries is not null)
        {
            if (typeEntries.Count > 1)
            {
                typeEntries.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            }

            foreach (var (_, value) in typeEntries)
            {
                active = ApplyTypeScopedContexts(active, typeScoped, value);
            }

            var first = typeEntries[0].Value;
            var last = first.ValueKind == JsonValueKind.Array ? LastItem(first) : first;
            if (last.ValueKind == JsonValueKind.String)
            {
                inputType = _contexts.ExpandIri(typeScoped, last.GetString(), documentRelative: false, vocab: true);
            }
        }

        var result = new JsonMap(StringComparer.Ordinal);
        ExpandEntries(active, typeScoped, activeProperty, entries, result, inputType, baseUrl, path);
        return Finish(result, activeProperty);
    }

    private ActiveContext ApplyTypeScopedContexts(ActiveContext active, ActiveContext typeScoped, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return ApplyTypeScopedContext(active, typeScoped, value.GetString()!);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return active;
        }

        List<string>? terms = null;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                (terms ??= []).Add(item.GetString()!);
            }
        }

        if (terms is null)
        {
            return active;
        }

        terms.Sort(string.CompareOrdinal);
        foreach (var term in terms)
        {
            active = ApplyTypeScopedContext(active, typeScoped, term);
        }

        return active;
    }

    private ActiveContext ApplyTypeScopedContext(ActiveContext active, ActiveContext typeScoped, string term) =>
        typeScoped.Term(term)?.LocalContext is { } scoped
            ? _contexts.ProcessScoped(active, scoped, overrideProtected: false, propagate: false)
            : active;

    private static (string Name, JsonElement Value)[] ReadEntries(JsonElement element)
    {
        var entries = new (string Name, JsonElement Value)[element.GetPropertyCount()];
        var i = 0;
        foreach (var property in element.EnumerateObject())
        {
            entries[i++] = (property.Name, property.Value);
        }

        return entries;
    }

    private bool KeepsScopedContext(ActiveContext active, (string Name, JsonElement Value)[] entries)
    {
        var count = 0;
        var onlyId = false;
        foreach (var (name, _) in entries)
        {
            var expanded = _contexts.ExpandIri(active, name, documentRelative: false, vocab: true);
            if (expanded == Keywords.Value)
            {
                return true;
            }

            count++;
            onlyId = count == 1 && expanded == Keywords.Id;
        }

        return count == 1 && onlyId;
    }

    // Steps 13 and 14: every entry of the element (and of its nested entries).
    private void ExpandEntries(ActiveContext active, ActiveContext typeScoped, string? activeProperty, (string Name, JsonElement Value)[] entries, JsonMap result, string? inputType, string? baseUrl, JsonPath? path)
    {
        List<(string Key, JsonElement Value)>? nests = null;
        foreach (var (key, value) in entries)
        {
            if (key == Keywords.Context)
            {
                continue;
            }

            var expandedProperty = _contexts.ExpandIri(active, key, documentRelative: false, vocab: true);
            if (expandedProperty is null || (!Keywords.IsKeyword(expandedProperty) && !expandedProperty.Contains(':', StringComparison.Ordinal)))
            {
                if (_safeMode)
                {
                    throw Dropped($"the property \"{key}\" is not defined by the context and there is no @vocab", path?.Child(key));
                }

                continue;
            }

            if (Keywords.IsKeyword(expandedProperty))
            {
                if (expandedProperty == Keywords.Nest)
                {
                    if (activeProperty == Keywords.Reverse)
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidReversePropertyMap, "A reverse property map cannot contain @nest.");
                    }

                    (nests ??= []).Add((key, value));
                    continue;
                }

                ExpandKeyword(active, typeScoped, activeProperty, key, expandedProperty, value, result, inputType, baseUrl, path);
                continue;
            }

            var definition = active.Term(key);
            var container = definition?.Container ?? ContainerKinds.None;
            object? expandedValue;
            if (definition?.TypeMapping == Keywords.Json)
            {
                expandedValue = new JsonMap(2, StringComparer.Ordinal) { [Keywords.Value] = value, [Keywords.Type] = Keywords.Json };
            }
            else if ((container & ContainerKinds.Language) != 0 && value.ValueKind == JsonValueKind.Object)
            {
                expandedValue = ExpandLanguageMap(active, definition!, value);
            }
            else if ((container & (ContainerKinds.Index | ContainerKinds.Type | ContainerKinds.Id)) != 0 && value.ValueKind == JsonValueKind.Object)
            {
                expandedValue = ExpandIndexMap(active, key, definition!, value, baseUrl, path?.Child(key));
            }
            else
            {
                expandedValue = Expand(active, key, value, baseUrl, fromMap: false, path?.Child(key));
            }

            if (expandedValue is null)
            {
                continue;
            }

            if ((container & ContainerKinds.List) != 0 && !IsListObject(expandedValue))
            {
                expandedValue = new JsonMap(1, StringComparer.Ordinal) { [Keywords.List] = AsList(expandedValue) };
            }

            if ((container & ContainerKinds.Graph) != 0 && (container & (ContainerKinds.Id | ContainerKinds.Index)) == 0)
            {
                var graphs = new List<object?>();
                foreach (var item in AsList(expandedValue))
                {
                    graphs.Add(new JsonMap(1, StringComparer.Ordinal) { [Keywords.Graph] = AsList(item) });
                }

                expandedValue = graphs;
            }

            if (definition is { IsReverse: true })
            {
                var reverseMap = ReverseMap(result);
                foreach (var item in AsList(expandedValue))
                {
                    if (IsValueObject(item) || IsListObject(item))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidReversePropertyValue, $"The reverse property \"{key}\" cannot have a value or list object.");
                    }

                    AddValue(reverseMap, expandedProperty, item);
                }
            }
            else
            {
                AddValue(result, expandedProperty, expandedValue);
            }
        }

        if (nests is null)
        {
            return;
        }

        foreach (var (nestingKey, nestedValues) in nests)
        {
            // Step 14.2: steps 3 and 8 again, with the nesting key as active property (its scoped context applies).
            var nestContext = active.Term(nestingKey)?.LocalContext is { } scoped
                ? _contexts.ProcessScoped(active, scoped, overrideProtected: true, propagate: true)
                : active;
            if (nestedValues.ValueKind == JsonValueKind.Array)
            {
                foreach (var nested in nestedValues.EnumerateArray())
                {
                    ExpandNested(nestContext, typeScoped, nestingKey, nested, result, inputType, baseUrl, path?.Child(nestingKey));
                }
            }
            else
            {
                ExpandNested(nestContext, typeScoped, nestingKey, nestedValues, result, inputType, baseUrl, path?.Child(nestingKey));
            }
        }
    }

    private void ExpandNested(ActiveContext active, ActiveContext typeScoped, string? activeProperty, JsonElement nested, JsonMap result, string? inputType, string? baseUrl, JsonPath? path)
    {
        if (nested.ValueKind != JsonValueKind.Object)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidNestValue, "A nested value must be an object.");
        }

        var entries = ReadEntries(nested);
        foreach (var (name, _) in entries)
        {
            if (_contexts.ExpandIri(active, name, documentRelative: false, vocab: true) == Keywords.Value)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidNestValue, "A nested value cannot be a value object.");
            }
        }

        Enter(path);
        ExpandEntries(active, typeScoped, activeProperty, entries, result, inputType, baseUrl, path);
        _depth--;
    }

    // Step 13.4: an entry whose key expands to a keyword.
    private void ExpandKeyword(ActiveContext active, ActiveContext typeScoped, string? activeProperty, string key, string expandedProperty, JsonElement value, JsonMap result, string? inputType, string? baseUrl, JsonPath? path)
    {
        if (activeProperty == Keywords.Reverse)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidReversePropertyMap, $"A reverse property map cannot contain the keyword {expandedProperty}.");
        }

        var isJsonLd10 = _contexts.IsJsonLd10;
        if (result.ContainsKey(expandedProperty) && (isJsonLd10 || expandedProperty is not (Keywords.Included or Keywords.Type)))
        {
            throw new JsonLdException(JsonLdErrorCode.CollidingKeywords, $"More than one entry of the object expands to {expandedProperty}.");
        }

        object? expandedValue;
        switch (expandedProperty)
        {
            case Keywords.Id:
                if (value.ValueKind != JsonValueKind.String)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidIdValue, $"@id must be a string (in \"{key}\").");
                }

                var id = value.GetString()!;
                expandedValue = _contexts.ExpandIri(active, id, documentRelative: true, vocab: false);
                if (_safeMode && (expandedValue is not string expandedId || !IsIriOrBlankNode(expandedId)))
                {
                    throw Dropped($"the @id \"{id}\" does not expand to an absolute IRI", path?.Child(key));
                }

                // A keyword-like @id expands to null and is kept as such (expand test t0122).
                result[Keywords.Id] = expandedValue;
                return;
            case Keywords.Type:
                expandedValue = ExpandTypeValue(typeScoped, key, value, result, path);
                break;
            case Keywords.Graph:
                expandedValue = AsList(Expand(active, Keywords.Graph, value, baseUrl, fromMap: false, path?.Child(key)));
                break;
            case Keywords.Included:
                if (isJsonLd10)
                {
                    return;
                }

                var included = AsList(Expand(active, Keywords.Included, value, baseUrl, fromMap: false, path?.Child(key)));
                foreach (var item in included)
                {
                    if (item is not JsonMap node || node.ContainsKey(Keywords.Value) || node.ContainsKey(Keywords.List) || node.ContainsKey(Keywords.Set))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidIncludedValue, "@included must contain node objects.");
                    }
                }

                if (result.TryGetValue(Keywords.Included, out var previousIncluded))
                {
                    var merged = new List<object?>(AsList(previousIncluded));
                    merged.AddRange(included);
                    included = merged;
                }

                expandedValue = included;
                break;
            case Keywords.Value:
                if (inputType == Keywords.Json)
                {
                    if (isJsonLd10)
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidValueObjectValue, "@json is not available in json-ld-1.0.");
                    }

                    expandedValue = value;
                }
                else if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidValueObjectValue, "@value must be a string, number, boolean or null.");
                }
                else
                {
                    expandedValue = Scalar(value);
                    if (expandedValue is null)
                    {
                        result[Keywords.Value] = null;
                        return;
                    }
                }

                break;
            case Keywords.Language:
                if (value.ValueKind != JsonValueKind.String)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidLanguageTaggedString, "@language must be a string.");
                }

                expandedValue = value.GetString()!.ToLowerInvariant();
                break;
            case Keywords.Direction:
                if (isJsonLd10)
                {
                    return;
                }

                if (value.ValueKind != JsonValueKind.String || value.GetString() is not ("ltr" or "rtl"))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidBaseDirection, "@direction must be \"ltr\" or \"rtl\".");
                }

                expandedValue = value.GetString();
                break;
            case Keywords.Index:
                if (value.ValueKind != JsonValueKind.String)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidIndexValue, "@index must be a string.");
                }

                expandedValue = value.GetString();
                break;
            case Keywords.List:
                if (activeProperty is null or Keywords.Graph)
                {
                    return;
                }

                expandedValue = AsList(Expand(active, activeProperty, value, baseUrl, fromMap: false, path?.Child(key)));
                break;
            case Keywords.Set:
                expandedValue = Expand(active, activeProperty, value, baseUrl, fromMap: false, path?.Child(key));
                break;
            case Keywords.Reverse:
                ExpandReverse(active, value, result, baseUrl, path?.Child(key));
                return;
            default:
                // Framing keywords and context-only keywords carry nothing in expanded form.
                return;
        }

        if (expandedValue is not null)
        {
            result[expandedProperty] = expandedValue;
        }
    }

    private object? ExpandTypeValue(ActiveContext typeScoped, string key, JsonElement value, JsonMap result, JsonPath? path)
    {
        object? expandedValue;
        if (value.ValueKind == JsonValueKind.String)
        {
            expandedValue = ExpandType(typeScoped, value.GetString()!, key, path);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            var types = new List<object?>(value.GetArrayLength());
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidTypeValue, "@type must be a string or an array of strings.");
                }

                if (ExpandType(typeScoped, item.GetString()!, key, path) is { } type)
                {
                    types.Add(type);
                }
            }

            expandedValue = types;
        }
        else
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidTypeValue, "@type must be a string or an array of strings.");
        }

        if (result.TryGetValue(Keywords.Type, out var previous))
        {
            var merged = new List<object?>(AsList(previous));
            merged.AddRange(AsList(expandedValue));
            expandedValue = merged;
        }

        return expandedValue;
    }

    private string? ExpandType(ActiveContext typeScoped, string type, string key, JsonPath? path)
    {
        var expanded = _contexts.ExpandIri(typeScoped, type, documentRelative: true, vocab: true);
        if (_safeMode && (expanded is null || !(IsIriOrBlankNode(expanded) || expanded == Keywords.Json)))
        {
            throw Dropped($"the type \"{type}\" does not expand to an absolute IRI", path?.Child(key));
        }

        return expanded;
    }

    private void ExpandReverse(ActiveContext active, JsonElement value, JsonMap result, string? baseUrl, JsonPath? path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidReverseValue, "@reverse must be an object.");
        }

        if (Expand(active, Keywords.Reverse, value, baseUrl, fromMap: false, path) is not JsonMap expanded)
        {
            return;
        }

        if (expanded.TryGetValue(Keywords.Reverse, out var doubleReversed) && doubleReversed is JsonMap forward)
        {
            foreach (var (property, items) in forward)
            {
                AddValue(result, property, items);
            }
        }

        foreach (var (property, items) in expanded)
        {
            if (property == Keywords.Reverse)
            {
                continue;
            }

            var reverseMap = ReverseMap(result);
            foreach (var item in AsList(items))
            {
                if (IsValueObject(item) || IsListObject(item))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidReversePropertyValue, "A reverse property cannot have a value or list object.");
                }

                AddValue(reverseMap, property, item);
            }
        }
    }

    // Step 13.7: a language map.
    private List<object?> ExpandLanguageMap(ActiveContext active, TermDefinition definition, JsonElement value)
    {
        var result = new List<object?>();
        var direction = definition.HasDirection ? definition.Direction : active.DefaultDirection;
        foreach (var entry in value.EnumerateObject())
        {
            var language = entry.Name;
            var isNone = language == Keywords.None || _contexts.ExpandIri(active, language, documentRelative: false, vocab: true) == Keywords.None;
            if (entry.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in entry.Value.EnumerateArray())
                {
                    AddLanguageValue(result, item, isNone ? null : language, direction);
                }
            }
            else
            {
                AddLanguageValue(result, entry.Value, isNone ? null : language, direction);
            }
        }

        return result;
    }

    private static void AddLanguageValue(List<object?> result, JsonElement item, string? language, string? direction)
    {
        if (item.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (item.ValueKind != JsonValueKind.String)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidLanguageMapValue, "The values of a language map must be strings.");
        }

        var value = new JsonMap(3, StringComparer.Ordinal) { [Keywords.Value] = item.GetString() };
        if (language is not null)
        {
            value[Keywords.Language] = language.ToLowerInvariant();
        }

        if (direction is not null)
        {
            value[Keywords.Direction] = direction;
        }

        result.Add(value);
    }

    // Step 13.8: an index, id or type map.
    private List<object?> ExpandIndexMap(ActiveContext active, string key, TermDefinition definition, JsonElement value, string? baseUrl, JsonPath? path)
    {
        var result = new List<object?>();
        var container = definition.Container;
        var indexKey = definition.IndexMapping ?? Keywords.Index;
        var isIdOrType = (container & (ContainerKinds.Id | ContainerKinds.Type)) != 0;
        foreach (var entry in value.EnumerateObject())
        {
            var index = entry.Name;
            var mapContext = isIdOrType ? active.PreviousContext ?? active : active;
            if ((container & ContainerKinds.Type) != 0 && mapContext.Term(index)?.LocalContext is { } scoped)
            {
                mapContext = _contexts.ProcessScoped(mapContext, scoped, overrideProtected: false, propagate: false);
            }

            var expandedIndex = _contexts.ExpandIri(active, index, documentRelative: false, vocab: true);
            var items = AsList(ExpandAsArray(mapContext, key, entry.Value, baseUrl, path?.Child(index)));
            foreach (var expandedItem in items)
            {
                var item = expandedItem;
                if ((container & ContainerKinds.Graph) != 0 && !IsGraphObject(item))
                {
                    item = new JsonMap(1, StringComparer.Ordinal) { [Keywords.Graph] = AsList(item) };
                }

                if (item is not JsonMap map)
                {
                    result.Add(item);
                    continue;
                }

                if ((container & ContainerKinds.Index) != 0 && indexKey != Keywords.Index && expandedIndex != Keywords.None)
                {
                    var reExpandedIndex = ExpandValue(active, indexKey, index, path);
                    var expandedIndexKey = _contexts.ExpandIri(active, indexKey, documentRelative: false, vocab: true)!;
                    var values = new List<object?> { reExpandedIndex };
                    if (map.TryGetValue(expandedIndexKey, out var existing))
                    {
                        values.AddRange(AsList(existing));
                    }

                    map[expandedIndexKey] = values;
                    if (map.ContainsKey(Keywords.Value))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidValueObject, $"A value object in the index map \"{key}\" cannot take the property index \"{indexKey}\".");
                    }
                }
                else if ((container & ContainerKinds.Index) != 0 && !map.ContainsKey(Keywords.Index) && expandedIndex != Keywords.None)
                {
                    map[Keywords.Index] = index;
                }
                else if ((container & ContainerKinds.Id) != 0 && !map.ContainsKey(Keywords.Id) && expandedIndex != Keywords.None)
                {
                    var id = _contexts.ExpandIri(active, index, documentRelative: true, vocab: false);
                    if (_safeMode && (id is null || !IsIriOrBlankNode(id)))
                    {
                        throw Dropped($"the id map key \"{index}\" does not expand to an absolute IRI", path?.Child(index));
                    }

                    map[Keywords.Id] = id;
                }
                else if ((container & ContainerKinds.Type) != 0 && expandedIndex != Keywords.None)
                {
                    if (_safeMode && (expandedIndex is null || !IsIriOrBlankNode(expandedIndex)))
                    {
                        throw Dropped($"the type map key \"{index}\" does not expand to an absolute IRI", path?.Child(index));
                    }

                    var types = new List<object?> { expandedIndex };
                    if (map.TryGetValue(Keywords.Type, out var existingTypes))
                    {
                        types.AddRange(AsList(existingTypes));
                    }

                    map[Keywords.Type] = types;
                }

                result.Add(map);
            }
        }

        return result;
    }

    private object? ExpandAsArray(ActiveContext active, string key, JsonElement value, string? baseUrl, JsonPath? path)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            return Expand(active, key, value, baseUrl, fromMap: true, path);
        }

        // "If index value is not an array set it to an array containing only index value": expand the
        // single item as an array item would be (list containers wrap it in the same way).
        var expanded = Expand(active, key, value, baseUrl, fromMap: true, path);
        var definition = active.Term(key);
        if (definition is not null && (definition.Container & ContainerKinds.List) != 0 && expanded is List<object?> nested)
        {
            return new JsonMap(1, StringComparer.Ordinal) { [Keywords.List] = nested };
        }

        return expanded;
    }

    // Steps 15 to 19: value, set and list objects, and free-floating values.
    private static object? Finish(JsonMap result, string? activeProperty)
    {
        object? output = result;
        if (result.TryGetValue(Keywords.Value, out var value))
        {
            foreach (var key in result.Keys)
            {
                if (key is not (Keywords.Direction or Keywords.Index or Keywords.Language or Keywords.Type or Keywords.Value))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidValueObject, $"A value object cannot contain \"{key}\".");
                }
            }

            var hasType = result.TryGetValue(Keywords.Type, out var type);
            if (hasType && (result.ContainsKey(Keywords.Language) || result.ContainsKey(Keywords.Direction)))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidValueObject, "A value object cannot have both @type and @language or @direction.");
            }

            if (hasType && type is Keywords.Json)
            {
                // A JSON literal is kept whatever its value.
            }
            else if (value is null)
            {
                return null;
            }
            else if (value is not string && result.ContainsKey(Keywords.Language))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidLanguageTaggedValue, "Only strings can carry a language.");
            }
            else if (hasType && (type is not string typeIri || !IriResolver.IsWellFormedIri(typeIri)))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTypedValue, "The @type of a value object must be an absolute IRI.");
            }
        }
        else if (result.TryGetValue(Keywords.Type, out var type) && type is not List<object?>)
        {
            result[Keywords.Type] = new List<object?> { type };
        }
        else if (result.TryGetValue(Keywords.Set, out var set) || result.ContainsKey(Keywords.List))
        {
            if (result.Count > 2 || (result.Count == 2 && !result.ContainsKey(Keywords.Index)))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidSetOrListObject, "A set or list object can only have @index besides @set or @list.");
            }

            if (result.ContainsKey(Keywords.Set))
            {
                output = set;
            }
        }

        if (output is JsonMap map)
        {
            if (map.Count == 1 && map.ContainsKey(Keywords.Language))
            {
                return null;
            }

            if (activeProperty is null or Keywords.Graph)
            {
                if (map.Count == 0 || map.ContainsKey(Keywords.Value) || map.ContainsKey(Keywords.List))
                {
                    return null;
                }

                if (map.Count == 1 && map.ContainsKey(Keywords.Id))
                {
                    return null;
                }
            }
        }

        return output;
    }

    /// <summary>The Value Expansion algorithm (§5.3.2).</summary>
    private JsonMap? ExpandValue(ActiveContext active, string activeProperty, object? value, JsonPath? path)
    {
        var definition = active.Term(activeProperty);
        var typeMapping = definition?.TypeMapping;
        if (value is string reference && typeMapping is Keywords.Id or Keywords.Vocab)
        {
            var id = _contexts.ExpandIri(active, reference, documentRelative: true, vocab: typeMapping == Keywords.Vocab);
            if (_safeMode && (id is null || !IsIriOrBlankNode(id)))
            {
                throw Dropped($"the value \"{reference}\" of \"{activeProperty}\" does not expand to an absolute IRI", path);
            }

            return new JsonMap(1, StringComparer.Ordinal) { [Keywords.Id] = id };
        }

        var result = new JsonMap(3, StringComparer.Ordinal) { [Keywords.Value] = value };
        if (typeMapping is not null and not (Keywords.Id or Keywords.Vocab or Keywords.None))
        {
            result[Keywords.Type] = typeMapping;
        }
        else if (value is string)
        {
            var language = definition is { HasLanguage: true } ? definition.Language : active.DefaultLanguage;
            var direction = definition is { HasDirection: true } ? definition.Direction : active.DefaultDirection;
            if (language is not null)
            {
                result[Keywords.Language] = language;
            }

            if (direction is not null)
            {
                result[Keywords.Direction] = direction;
            }
        }

        return result;
    }

    private static JsonMap ReverseMap(JsonMap result)
    {
        if (result.TryGetValue(Keywords.Reverse, out var existing) && existing is JsonMap map)
        {
            return map;
        }

        map = new JsonMap(StringComparer.Ordinal);
        result[Keywords.Reverse] = map;
        return map;
    }

    /// <summary>Adds a value to a map entry that is always an array (JSON-LD 1.1 API §3 "add value", as array).</summary>
    internal static void AddValue(JsonMap map, string key, object? value)
    {
        if (!map.TryGetValue(key, out var existing) || existing is not List<object?> list)
        {
            list = existing is null ? [] : [existing];
            map[key] = list;
        }

        if (value is List<object?> values)
        {
            list.AddRange(values);
        }
        else
        {
            list.Add(value);
        }
    }

    internal static List<object?> AsList(object? value) => value switch
    {
        List<object?> list => list,
        null => [],
        _ => [value],
    };

    internal static bool IsValueObject(object? value) => value is JsonMap map && map.ContainsKey(Keywords.Value);

    internal static bool IsListObject(object? value) => value is JsonMap map && map.ContainsKey(Keywords.List);

    private static bool IsGraphObject(object? value)
    {
        if (value is not JsonMap map || !map.ContainsKey(Keywords.Graph))
        {
            return false;
        }

        foreach (var key in map.Keys)
        {
            if (key is not (Keywords.Graph or Keywords.Id or Keywords.Index or Keywords.Context))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIriOrBlankNode(string value) => IriResolver.IsAbsolute(value) || IriResolver.IsBlankNode(value);

    private static JsonElement LastItem(JsonElement array)
    {
        var last = default(JsonElement);
        foreach (var item in array.EnumerateArray())
        {
            last = item;
        }

        return last;
    }

    private static object? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => Number(element),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>A JSON number as a double; numbers beyond its range are refused rather than becoming infinity.</summary>
    internal static double Number(JsonElement element) =>
        element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw new JsonLdException(JsonLdErrorCode.InvalidJson, $"The number {element.GetRawText()} is outside the range of a double.");

    private static JsonLdException Dropped(string what, JsonPath? path) =>
        new(JsonLdErrorCode.SafeModeDroppedTerm, $"Safe mode: {what}; it would be dropped from the expanded form (at {path}).");
}
