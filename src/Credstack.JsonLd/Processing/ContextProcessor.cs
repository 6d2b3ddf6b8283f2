// JSON-LD 1.1 Processing Algorithms and API (W3C Recommendation 16 July 2020):
// §4.1 "Context Processing Algorithm", §4.2 "Create Term Definition" and §5.2 "IRI Expansion".
// Deviation: the result of applying a remote context or a term's scoped context to an active context is
// memoised on that (immutable) active context, so the large pinned VC/OB contexts are processed once
// per process instead of once per document; the result is the same as re-processing.
using System.Collections.Concurrent;
using System.Text.Json;

namespace Credstack.JsonLd.Processing;

/// <summary>Context processing for one document: options, the remote contexts it loaded, and the algorithms.</summary>
internal sealed class ContextProcessor
{
    private const int MaxInternedInitialContexts = 1024;

    // Bounds the work one document can cause through contexts (each scoped context is also validated
    // when it is defined, so crafted inline contexts could otherwise multiply work). Processing the VC 2.0
    // and OB 3.0 contexts (with extensions) from a cold cache creates about 700 definitions.
    private const int MaxTermDefinitionsPerDocument = 100_000;

    private const int FlagOverrideProtected = 1;
    private const int FlagNoPropagate = 2;
    private const int FlagJsonLd10 = 4;

    private static readonly ConcurrentDictionary<string, ActiveContext> InitialContexts = new(StringComparer.Ordinal);

    private readonly JsonLdOptions _options;
    private Dictionary<string, (JsonElement Context, string DocumentUrl)>? _dereferenced;
    private HashSet<string>? _remoteUrls;
    private int _termDefinitions;

    public ContextProcessor(JsonLdOptions options)
    {
        _options = options;
        IsJsonLd10 = options.ProcessingMode == JsonLdProcessingMode.JsonLd10;
    }

    public bool IsJsonLd10 { get; }

    /// <summary>How many term definitions this document's contexts created (cached contexts create none).</summary>
    public int TermDefinitionsCreated => _termDefinitions;

    public JsonLdOptions Options => _options;

    /// <summary>
    /// The initial active context for a base IRI. Interned, so that the memo of remote contexts applied to
    /// it is shared by every document processed with the same base.
    /// </summary>
    public static ActiveContext Initial(string? baseIri)
    {
        var key = baseIri ?? string.Empty;
        if (InitialContexts.TryGetValue(key, out var context))
        {
            return context;
        }

        context = new ActiveContext(baseIri);
        return InitialContexts.Count < MaxInternedInitialContexts ? InitialContexts.GetOrAdd(key, context) : context;
    }

    /// <summary>Applies a term's scoped context (property- or type-scoped), memoised on <paramref name="active"/>.</summary>
    public ActiveContext ProcessScoped(ActiveContext active, ScopedContext scoped, bool overrideProtected, bool propagate)
    {
        var flags = (overrideProtected ? FlagOverrideProtected : 0) | (propagate ? 0 : FlagNoPropagate) | (IsJsonLd10 ? FlagJsonLd10 : 0);
        var key = new DerivationKey(scoped, _options.DocumentLoader, flags);
        if (active.TryGetDerived(key, out var derived))
        {
            return derived;
        }

        derived = Process(active, scoped.Value, scoped.BaseUrl, null, overrideProtected, propagate, validateScopedContext: true);
        active.AddDerived(key, derived);
        return derived;
    }

    /// <summary>The Context Processing algorithm (§4.1.2).</summary>
    public ActiveContext Process(ActiveContext active, JsonElement localContext, string? baseUrl, RemoteContextChain? remoteContexts, bool overrideProtected = false, bool propagate = true, bool validateScopedContext = true)
    {
        // Step 2: an @propagate entry of the local context overrides the propagate argument.
        if (localContext.ValueKind == JsonValueKind.Object && localContext.TryGetProperty(Keywords.Propagate, out var propagateValue))
        {
            if (propagateValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Error(JsonLdErrorCode.InvalidPropagateValue, "@propagate must be true or false.");
            }

            propagate = propagateValue.GetBoolean();
        }

        var result = active;
        var owned = false;

        // Step 3: a non-propagated context remembers the context to revert to.
        if (!propagate && result.PreviousContext is null)
        {
            result = result.Clone();
            owned = true;
            result.PreviousContext = active;
        }

        if (localContext.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in localContext.EnumerateArray())
            {
                ProcessItem(active, ref result, ref owned, item, baseUrl, remoteContexts, overrideProtected, propagate, validateScopedContext);
            }
        }
        else
        {
            ProcessItem(active, ref result, ref owned, localContext, baseUrl, remoteContexts, overrideProtected, propagate, validateScopedContext);
        }

        return result;
    }

    private void ProcessItem(ActiveContext active, ref ActiveContext result, ref bool owned, JsonElement context, string? baseUrl, RemoteContextChain? remoteContexts, bool overrideProtected, bool propagate, bool validateScopedContext)
    {
        switch (context.ValueKind)
        {
            case JsonValueKind.Null:
                // Step 5.1: reset to an initial context, unless that would drop protected terms.
                if (!overrideProtected && result.HasProtectedTerms())
                {
                    throw Error(JsonLdErrorCode.InvalidContextNullification, "A null @context cannot clear protected term definitions.");
                }

                if (propagate)
                {
                    result = Initial(active.OriginalBaseUrl);
                    owned = false;
                }
                else
                {
                    var previous = result;
                    result = new ActiveContext(active.OriginalBaseUrl) { PreviousContext = previous };
                    owned = true;
                }

                return;
            case JsonValueKind.String:
                result = ProcessRemote(result, context.GetString()!, baseUrl, remoteContexts, validateScopedContext);
                owned = false;
                return;
            case JsonValueKind.Object:
                ProcessDefinition(ref result, ref owned, context, baseUrl, remoteContexts, overrideProtected);
                return;
            default:
                throw Error(JsonLdErrorCode.InvalidLocalContext, "A context must be null, a string, an object or an array of those.");
        }
    }

    // Step 5.2: a remote context, dereferenced through the document loader and processed against result.
    private ActiveContext ProcessRemote(ActiveContext result, string reference, string? baseUrl, RemoteContextChain? remoteContexts, bool validateScopedContext)
    {
        var url = IriResolver.Resolve(baseUrl, reference);
        if (!validateScopedContext && RemoteContextChain.Contains(remoteContexts, url))
        {
            return result;
        }

        if ((remoteContexts?.Count ?? 0) >= _options.MaxContextDepth)
        {
            throw Error(JsonLdErrorCode.ContextOverflow, $"Remote contexts nest deeper than {_options.MaxContextDepth} (at <{url}>); is there a cycle?");
        }

        CountRemote(url);
        var key = new DerivationKey(url, _options.DocumentLoader, IsJsonLd10 ? FlagJsonLd10 : 0);
        if (validateScopedContext && result.TryGetDerived(key, out var cached))
        {
            return cached;
        }

        var (loaded, documentUrl) = Dereference(url);
        var derived = Process(result, loaded, documentUrl, new RemoteContextChain(url, remoteContexts), validateScopedContext: validateScopedContext);
        if (validateScopedContext)
        {
            result.AddDerived(key, derived);
        }

        return derived;
    }

    private void CountRemote(string url)
    {
        _remoteUrls ??= new HashSet<string>(StringComparer.Ordinal);
        if (_remoteUrls.Add(url) && _remoteUrls.Count > _options.MaxRemoteContexts)
        {
            throw Error(JsonLdErrorCode.ResourceLimitExceeded, $"The document uses more than {_options.MaxRemoteContexts} remote contexts.");
        }
    }

    private (JsonElement Context, string DocumentUrl) Dereference(string url)
    {
        if (_dereferenced is not null && _dereferenced.TryGetValue(url, out var known))
        {
            return known;
        }

        var document = Load(url);
        if (document.Document.ValueKind != JsonValueKind.Object || !document.Document.TryGetProperty(Keywords.Context, out var context))
        {
            throw Error(JsonLdErrorCode.InvalidRemoteContext, $"The document at <{url}> has no top-level @context.");
        }

        // Clone so the context outlives the loader's JsonDocument; free when it is already a clone.
        var entry = (context.Clone(), document.DocumentUrl);
        _dereferenced ??= new Dictionary<string, (JsonElement, string)>(StringComparer.Ordinal);
        _dereferenced[url] = entry;
        return entry;
    }

    private RemoteDocument Load(string url)
    {
        var loader = _options.DocumentLoader
            ?? throw Error(JsonLdErrorCode.LoadingRemoteContextFailed, $"Cannot load the remote context <{url}>: no document loader is configured.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw Error(JsonLdErrorCode.LoadingRemoteContextFailed, $"Cannot load the remote context <{url}>: it is not an absolute URL.");
        }

        try
        {
            return loader.Load(uri);
        }
        catch (JsonLdException e)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingRemoteContextFailed, $"Cannot load the remote context <{url}>: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingRemoteContextFailed, $"Cannot load the remote context <{url}>: {e.Message}", e);
        }
    }

    // Steps 5.5 to 5.13: a context definition (a map).
    private void ProcessDefinition(ref ActiveContext result, ref bool owned, JsonElement element, string? baseUrl, RemoteContextChain? remoteContexts, bool overrideProtected)
    {
        var context = ToMap(element);

        if (context.TryGetValue(Keywords.Version, out var version))
        {
            if (version.ValueKind != JsonValueKind.Number || !version.TryGetDouble(out var versionNumber) || versionNumber != 1.1)
            {
                throw Error(JsonLdErrorCode.InvalidVersionValue, "@version must be the number 1.1.");
            }

            if (IsJsonLd10)
            {
                throw Error(JsonLdErrorCode.ProcessingModeConflict, "@version 1.1 conflicts with processing mode json-ld-1.0.");
            }
        }

        if (context.TryGetValue(Keywords.Import, out var import))
        {
            context = MergeImport(context, import, baseUrl);
        }

        if (context.TryGetValue(Keywords.Base, out var baseValue) && remoteContexts is null)
        {
            EnsureOwned(ref result, ref owned);
            if (baseValue.ValueKind == JsonValueKind.Null)
            {
                result.BaseIri = null;
            }
            else if (baseValue.ValueKind == JsonValueKind.String)
            {
                var value = baseValue.GetString()!;
                if (IriResolver.IsAbsolute(value))
                {
                    result.BaseIri = value;
                }
                else if (result.BaseIri is not null)
                {
                    result.BaseIri = IriResolver.Resolve(result.BaseIri, value);
                }
                else
                {
                    throw Error(JsonLdErrorCode.InvalidBaseIri, $"@base \"{value}\" is relative and there is no base IRI to resolve it against.");
                }
            }
            else
            {
                throw Error(JsonLdErrorCode.InvalidBaseIri, "@base must be a string or null.");
            }
        }

        if (context.TryGetValue(Keywords.Vocab, out var vocab))
        {
            EnsureOwned(ref result, ref owned);
            if (vocab.ValueKind == JsonValueKind.Null)
            {
                result.Vocab = null;
            }
            else if (vocab.ValueKind == JsonValueKind.String)
            {
                var value = vocab.GetString()!;
                if (IsJsonLd10 && !IriResolver.IsAbsolute(value) && !IriResolver.IsBlankNode(value))
                {
                    throw Error(JsonLdErrorCode.InvalidVocabMapping, "@vocab must be an absolute IRI in json-ld-1.0.");
                }

                result.Vocab = ExpandIri(result, value, documentRelative: true, vocab: true)
                    ?? throw Error(JsonLdErrorCode.InvalidVocabMapping, $"@vocab \"{value}\" is not an IRI.");
            }
            else
            {
                throw Error(JsonLdErrorCode.InvalidVocabMapping, "@vocab must be a string or null.");
            }
        }

        if (context.TryGetValue(Keywords.Language, out var language))
        {
            EnsureOwned(ref result, ref owned);
            result.DefaultLanguage = language.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => language.GetString()!.ToLowerInvariant(),
                _ => throw Error(JsonLdErrorCode.InvalidDefaultLanguage, "@language must be a string or null."),
            };
        }

        if (context.TryGetValue(Keywords.Direction, out var direction))
        {
            if (IsJsonLd10)
            {
                throw Error(JsonLdErrorCode.InvalidContextEntry, "@direction is not available in json-ld-1.0.");
            }

            EnsureOwned(ref result, ref owned);
            result.DefaultDirection = ReadDirection(direction);
        }

        if (context.TryGetValue(Keywords.Propagate, out var propagate))
        {
            if (IsJsonLd10)
            {
                throw Error(JsonLdErrorCode.InvalidContextEntry, "@propagate is not available in json-ld-1.0.");
            }

            if (propagate.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Error(JsonLdErrorCode.InvalidPropagateValue, "@propagate must be true or false.");
            }
        }

        var isProtected = false;
        if (context.TryGetValue(Keywords.Protected, out var protectedValue))
        {
            if (protectedValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Error(JsonLdErrorCode.InvalidProtectedValue, "@protected must be true or false.");
            }

            isProtected = protectedValue.GetBoolean();
        }

        TermScope? scope = null;
        foreach (var key in context.Keys)
        {
            if (key is Keywords.Base or Keywords.Direction or Keywords.Import or Keywords.Language or Keywords.Propagate or Keywords.Protected or Keywords.Version or Keywords.Vocab)
            {
                continue;
            }

            if (scope is null)
            {
                EnsureOwned(ref result, ref owned);
                scope = new TermScope(context, baseUrl, isProtected, overrideProtected, remoteContexts);
            }

            CreateTermDefinition(result, scope, key);
        }
    }

    private Dictionary<string, JsonElement> MergeImport(Dictionary<string, JsonElement> context, JsonElement import, string? baseUrl)
    {
        if (IsJsonLd10)
        {
            throw Error(JsonLdErrorCode.InvalidContextEntry, "@import is not available in json-ld-1.0.");
        }

        if (import.ValueKind != JsonValueKind.String)
        {
            throw Error(JsonLdErrorCode.InvalidImportValue, "@import must be a string.");
        }

        var url = IriResolver.Resolve(baseUrl, import.GetString()!);
        CountRemote(url);
        var document = Load(url);
        if (document.Document.ValueKind != JsonValueKind.Object
            || !document.Document.TryGetProperty(Keywords.Context, out var imported)
            || imported.ValueKind != JsonValueKind.Object)
        {
            throw Error(JsonLdErrorCode.InvalidRemoteContext, $"The document imported from <{url}> has no @context map.");
        }

        if (imported.TryGetProperty(Keywords.Import, out _))
        {
            throw Error(JsonLdErrorCode.InvalidContextEntry, $"The context imported from <{url}> must not itself use @import.");
        }

        var merged = ToMap(imported.Clone());
        foreach (var (key, value) in context)
        {
            if (key != Keywords.Import)
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    /// <summary>The Create Term Definition algorithm (§4.2.2).</summary>
    public void CreateTermDefinition(ActiveContext active, TermScope scope, string term)
    {
        // Step 1: already defined, or a cycle.
        if (scope.Defined.TryGetValue(term, out var done))
        {
            if (done)
            {
                return;
            }

            throw Error(JsonLdErrorCode.CyclicIriMapping, $"The definition of \"{term}\" depends on itself.");
        }

        if (term.Length == 0)
        {
            throw Error(JsonLdErrorCode.InvalidTermDefinition, "The empty string cannot be a term.");
        }

        scope.Defined[term] = false;
        var value = scope.Local[term];
        if (++_termDefinitions > MaxTermDefinitionsPerDocument)
        {
            throw Error(JsonLdErrorCode.ResourceLimitExceeded, $"The document's contexts define more than {MaxTermDefinitionsPerDocument} terms.");
        }

        // Steps 4 and 5: keywords cannot be redefined, except @type's container and protection in 1.1.
        if (term == Keywords.Type && !IsJsonLd10)
        {
            if (!IsValidTypeRedefinition(value))
            {
                throw Error(JsonLdErrorCode.KeywordRedefinition, "@type may only be given \"@container\": \"@set\" and @protected.");
            }
        }
        else if (Keywords.IsKeyword(term))
        {
            throw Error(JsonLdErrorCode.KeywordRedefinition, $"The keyword {term} cannot be redefined.");
        }
        else if (Keywords.HasKeywordForm(term))
        {
            // Reserved for future keywords: ignored.
            scope.Defined[term] = true;
            return;
        }

        // Step 6.
        var previous = active.Term(term);
        active.Terms.Remove(term);

        // Steps 7 to 9: normalise to an expanded term definition.
        var simpleTerm = false;
        JsonElement? idValue = null;
        var hasId = false;
        Dictionary<string, JsonElement>? entries = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                hasId = true;
                idValue = value;
                break;
            case JsonValueKind.String:
                hasId = true;
                idValue = value;
                simpleTerm = true;
                break;
            case JsonValueKind.Object:
                entries = ToMap(value);
                if (entries.TryGetValue(Keywords.Id, out var id))
                {
                    hasId = true;
                    idValue = id;
                }

                break;
            default:
                throw Error(JsonLdErrorCode.InvalidTermDefinition, $"The definition of \"{term}\" must be a string, null or an object.");
        }

        string? iriMapping = null;
        var isPrefix = false;
        var isProtected = scope.IsProtected;
        string? typeMapping = null;
        var container = ContainerKinds.None;

        // Step 11: @protected.
        if (entries is not null && entries.TryGetValue(Keywords.Protected, out var protectedValue))
        {
            if (IsJsonLd10)
            {
                throw Error(JsonLdErrorCode.InvalidTermDefinition, "@protected is not available in json-ld-1.0.");
            }

            if (protectedValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Error(JsonLdErrorCode.InvalidProtectedValue, $"@protected of \"{term}\" must be true or false.");
            }

            isProtected = protectedValue.GetBoolean();
        }

        // Step 13: @type.
        if (entries is not null && entries.TryGetValue(Keywords.Type, out var typeValue))
        {
            if (typeValue.ValueKind != JsonValueKind.String)
            {
                throw Error(JsonLdErrorCode.InvalidTypeMapping, $"The @type of \"{term}\" must be a string.");
            }

            typeMapping = ExpandIri(active, typeValue.GetString(), documentRelative: false, vocab: true, scope);
            if (typeMapping is Keywords.Json or Keywords.None && IsJsonLd10)
            {
                throw Error(JsonLdErrorCode.InvalidTypeMapping, $"The @type {typeMapping} of \"{term}\" is not available in json-ld-1.0.");
            }

            if (typeMapping is null || (typeMapping is not (Keywords.Id or Keywords.Vocab or Keywords.Json or Keywords.None) && !IriResolver.IsAbsolute(typeMapping)))
            {
                throw Error(JsonLdErrorCode.InvalidTypeMapping, $"The @type of \"{term}\" must be @id, @vocab, @json, @none or an absolute IRI.");
            }
        }

        // Step 14: reverse properties.
        if (entries is not null && entries.TryGetValue(Keywords.Reverse, out var reverseValue))
        {
            if (hasId || entries.ContainsKey(Keywords.Nest))
            {
                throw Error(JsonLdErrorCode.InvalidReverseProperty, $"The reverse property \"{term}\" cannot have @id or @nest.");
            }

            if (reverseValue.ValueKind != JsonValueKind.String)
            {
                throw Error(JsonLdErrorCode.InvalidIriMapping, $"The @reverse of \"{term}\" must be a string.");
            }

            var reverse = reverseValue.GetString()!;
            if (Keywords.HasKeywordForm(reverse))
            {
                scope.Defined[term] = true;
                return;
            }

            iriMapping = ExpandIri(active, reverse, documentRelative: false, vocab: true, scope);
            if (iriMapping is null || (!IriResolver.IsAbsolute(iriMapping) && !IriResolver.IsBlankNode(iriMapping)))
            {
                throw Error(JsonLdErrorCode.InvalidIriMapping, $"The @reverse of \"{term}\" does not expand to an IRI.");
            }

            if (entries.TryGetValue(Keywords.Container, out var reverseContainer))
            {
                container = reverseContainer.ValueKind == JsonValueKind.Null ? ContainerKinds.None : ParseContainer(reverseContainer, term);
                if (container is not (ContainerKinds.None or ContainerKinds.Set or ContainerKinds.Index))
                {
                    throw Error(JsonLdErrorCode.InvalidReverseProperty, $"The container of reverse property \"{term}\" must be @set or @index.");
                }
            }

            string? reverseIndex = null;
            if (entries.TryGetValue(Keywords.Index, out var reverseIndexValue))
            {
                reverseIndex = ReadIndexMapping(active, scope, term, container, reverseIndexValue);
            }

            var reverseDefinition = new TermDefinition
            {
                IriMapping = iriMapping,
                IsReverse = true,
                IsProtected = isProtected,
                TypeMapping = typeMapping,
                Container = container,
                IndexMapping = reverseIndex,
            };
            CheckUnknownEntries(entries, term);
            Store(active, scope, term, reverseDefinition, previous);
            return;
        }

        // Steps 16 to 20: the IRI mapping.
        var idString = hasId && idValue is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
        if (hasId && !string.Equals(idString, term, StringComparison.Ordinal))
        {
            if (idValue!.Value.ValueKind == JsonValueKind.Null)
            {
                iriMapping = null;
            }
            else
            {
                if (idString is null)
                {
                    throw Error(JsonLdErrorCode.InvalidIriMapping, $"The @id of \"{term}\" must be a string or null.");
                }

                if (!Keywords.IsKeyword(idString) && Keywords.HasKeywordForm(idString))
                {
                    scope.Defined[term] = true;
                    return;
                }

                iriMapping = ExpandIri(active, idString, documentRelative: false, vocab: true, scope);
                if (iriMapping is null || (!Keywords.IsKeyword(iriMapping) && !IriResolver.IsAbsolute(iriMapping) && !IriResolver.IsBlankNode(iriMapping)))
                {
                    throw Error(JsonLdErrorCode.InvalidIriMapping, $"The @id of \"{term}\" does not expand to an IRI, blank node or keyword.");
                }

                if (iriMapping == Keywords.Context)
                {
                    throw Error(JsonLdErrorCode.InvalidKeywordAlias, "@context cannot be aliased.");
                }

                var innerColon = term.IndexOf(':', StringComparison.Ordinal);
                if ((innerColon > 0 && innerColon < term.Length - 1) || term.Contains('/', StringComparison.Ordinal))
                {
                    // Step 16.2.4: a term that looks like an IRI must expand to its own mapping.
                    scope.Defined[term] = true;
                    var asIri = ExpandIri(active, term, documentRelative: false, vocab: true, scope);
                    if (!string.Equals(asIri, iriMapping, StringComparison.Ordinal))
                    {
                        throw Error(JsonLdErrorCode.InvalidIriMapping, $"The term \"{term}\" looks like an IRI but maps to a different one.");
                    }
                }

                if (!term.Contains(':', StringComparison.Ordinal) && !term.Contains('/', StringComparison.Ordinal) && simpleTerm
                    && (IriResolver.IsBlankNode(iriMapping) || (iriMapping.Length > 0 && IsGenDelim(iriMapping[^1]))))
                {
                    isPrefix = true;
                }
            }
        }
        else if (term.IndexOf(':', 1) > 0)
        {
            // Step 17: a compact IRI, IRI or blank node identifier used as a term.
            var colon = term.IndexOf(':', 1);
            var prefix = term[..colon];
            if (scope.NeedsDefinition(prefix))
            {
                CreateTermDefinition(active, scope, prefix);
            }

            iriMapping = active.Term(prefix) is { IriMapping: { } prefixIri } ? prefixIri + term[(colon + 1)..] : term;
        }
        else if (term.Contains('/', StringComparison.Ordinal))
        {
            // Step 18: a relative IRI reference used as a term.
            iriMapping = ExpandIri(active, term, documentRelative: false, vocab: true);
            if (iriMapping is null || !IriResolver.IsAbsolute(iriMapping))
            {
                throw Error(JsonLdErrorCode.InvalidIriMapping, $"The term \"{term}\" does not expand to an IRI.");
            }
        }
        else if (term == Keywords.Type)
        {
            iriMapping = Keywords.Type;
        }
        else if (active.Vocab is not null)
        {
            iriMapping = active.Vocab + term;
        }
        else
        {
            throw Error(JsonLdErrorCode.InvalidIriMapping, $"The term \"{term}\" has no @id and there is no @vocab.");
        }

        // Step 21: @container.
        if (entries is not null && entries.TryGetValue(Keywords.Container, out var containerValue))
        {
            container = ParseContainer(containerValue, term);
            if ((container & ContainerKinds.Type) != 0)
            {
                typeMapping ??= Keywords.Id;
                if (typeMapping is not (Keywords.Id or Keywords.Vocab))
                {
                    throw Error(JsonLdErrorCode.InvalidTypeMapping, $"A type map \"{term}\" needs @type @id or @vocab.");
                }
            }
        }

        // Step 22: @index.
        string? indexMapping = null;
        if (entries is not null && entries.TryGetValue(Keywords.Index, out var indexValue))
        {
            indexMapping = ReadIndexMapping(active, scope, term, container, indexValue);
        }

        // Step 23: a scoped context, validated now and applied during expansion.
        ScopedContext? localContext = null;
        if (entries is not null && entries.TryGetValue(Keywords.Context, out var scopedValue))
        {
            if (IsJsonLd10)
            {
                throw Error(JsonLdErrorCode.InvalidTermDefinition, $"The scoped context of \"{term}\" is not available in json-ld-1.0.");
            }

            try
            {
                Process(active, scopedValue, scope.BaseUrl, scope.RemoteContexts, overrideProtected: true, validateScopedContext: false);
            }
            catch (JsonLdException e) when (e.Code != JsonLdErrorCode.ResourceLimitExceeded)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidScopedContext, $"The scoped context of \"{term}\" is invalid: {e.Message}", e);
            }

            localContext = new ScopedContext(scopedValue, scope.BaseUrl);
        }

        // Steps 24 and 25: language and direction (only without @type).
        var hasLanguage = false;
        string? language = null;
        var hasDirection = false;
        string? direction = null;
        if (entries is not null && !entries.ContainsKey(Keywords.Type))
        {
            if (entries.TryGetValue(Keywords.Language, out var languageValue))
            {
                language = languageValue.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => languageValue.GetString()!.ToLowerInvariant(),
                    _ => throw Error(JsonLdErrorCode.InvalidLanguageMapping, $"The @language of \"{term}\" must be a string or null."),
                };
                hasLanguage = true;
            }

            if (entries.TryGetValue(Keywords.Direction, out var directionValue))
            {
                direction = ReadDirection(directionValue);
                hasDirection = true;
            }
        }

        // Step 26: @nest.
        string? nest = null;
        if (entries is not null && entries.TryGetValue(Keywords.Nest, out var nestValue))
        {
            if (IsJsonLd10)
            {
                throw Error(JsonLdErrorCode.InvalidTermDefinition, "@nest is not available in json-ld-1.0.");
            }

            nest = nestValue.ValueKind == JsonValueKind.String ? nestValue.GetString() : null;
            if (nest is null || (Keywords.IsKeyword(nest) && nest != Keywords.Nest))
            {
                throw Error(JsonLdErrorCode.InvalidNestValue, $"The @nest of \"{term}\" must be @nest or a term.");
            }
        }

        // Step 27: @prefix.
        if (entries is not null && entries.TryGetValue(Keywords.Prefix, out var prefixValue))
        {
            if (IsJsonLd10 || term.Contains(':', StringComparison.Ordinal) || term.Contains('/', StringComparison.Ordinal))
            {
                throw Error(JsonLdErrorCode.InvalidTermDefinition, $"@prefix is not allowed on \"{term}\".");
            }

            if (prefixValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Error(JsonLdErrorCode.InvalidPrefixValue, $"The @prefix of \"{term}\" must be true or false.");
            }

            isPrefix = prefixValue.GetBoolean();
            if (isPrefix && Keywords.IsKeyword(iriMapping))
            {
                throw Error(JsonLdErrorCode.InvalidTermDefinition, $"The keyword alias \"{term}\" cannot be a prefix.");
            }
        }

        if (entries is not null)
        {
            CheckUnknownEntries(entries, term);
        }

        var definition = new TermDefinition
        {
            IriMapping = iriMapping,
            IsPrefix = isPrefix,
            IsProtected = isProtected,
            BaseUrl = scope.BaseUrl,
            LocalContext = localContext,
            Container = container,
            HasDirection = hasDirection,
            Direction = direction,
            IndexMapping = indexMapping,
            HasLanguage = hasLanguage,
            Language = language,
            NestValue = nest,
            TypeMapping = typeMapping,
        };
        Store(active, scope, term, definition, previous);
    }

    private string ReadIndexMapping(ActiveContext active, TermScope scope, string term, ContainerKinds container, JsonElement indexValue)
    {
        if (IsJsonLd10 || (container & ContainerKinds.Index) == 0)
        {
            throw Error(JsonLdErrorCode.InvalidTermDefinition, $"@index in \"{term}\" needs an @index container.");
        }

        var index = indexValue.ValueKind == JsonValueKind.String ? indexValue.GetString()! : null;
        var expandedIndex = index is null ? null : ExpandIri(active, index, documentRelative: false, vocab: true, scope);
        if (index is null || expandedIndex is null || Keywords.IsKeyword(expandedIndex) || !IriResolver.IsAbsolute(expandedIndex))
        {
            throw Error(JsonLdErrorCode.InvalidTermDefinition, $"The @index of \"{term}\" must expand to an IRI.");
        }

        return index;
    }

    private static void Store(ActiveContext active, TermScope scope, string term, TermDefinition definition, TermDefinition? previous)
    {
        // Step 29: a protected term may only be "redefined" identically.
        if (!scope.OverrideProtected && previous is { IsProtected: true })
        {
            if (!definition.SameAsIgnoringProtection(previous))
            {
                throw Error(JsonLdErrorCode.ProtectedTermRedefinition, $"The protected term \"{term}\" cannot be redefined.");
            }

            definition = previous;
        }

        active.Terms[term] = definition;
        scope.Defined[term] = true;
    }

    private static void CheckUnknownEntries(Dictionary<string, JsonElement> entries, string term)
    {
        foreach (var key in entries.Keys)
        {
            if (key is not (Keywords.Id or Keywords.Reverse or Keywords.Container or Keywords.Context or Keywords.Direction
                or Keywords.Index or Keywords.Language or Keywords.Nest or Keywords.Prefix or Keywords.Protected or Keywords.Type))
            {
                throw Error(JsonLdErrorCode.InvalidTermDefinition, $"The definition of \"{term}\" has an unknown entry \"{key}\".");
            }
        }
    }

    private bool IsValidTypeRedefinition(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var any = false;
        foreach (var property in value.EnumerateObject())
        {
            any = true;
            if (property.Name == Keywords.Container)
            {
                if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() != Keywords.Set)
                {
                    return false;
                }
            }
            else if (property.Name == Keywords.Protected)
            {
                if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        return any && !IsJsonLd10;
    }

    private ContainerKinds ParseContainer(JsonElement value, string term)
    {
        var kinds = ContainerKinds.None;
        if (value.ValueKind == JsonValueKind.String)
        {
            kinds = ContainerKind(value.GetString()!, term);
            if (IsJsonLd10 && kinds is ContainerKinds.Graph or ContainerKinds.Id or ContainerKinds.Type)
            {
                throw Error(JsonLdErrorCode.InvalidContainerMapping, $"The container of \"{term}\" is not available in json-ld-1.0.");
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && !IsJsonLd10)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    throw Error(JsonLdErrorCode.InvalidContainerMapping, $"The container of \"{term}\" must list keywords.");
                }

                kinds |= ContainerKind(item.GetString()!, term);
            }
        }
        else
        {
            throw Error(JsonLdErrorCode.InvalidContainerMapping, $"The container of \"{term}\" must be a keyword or an array of keywords.");
        }

        // Allowed: any one kind; @set with any but @list; @graph with @id or @index (and optionally @set).
        var withoutSet = kinds & ~ContainerKinds.Set;
        var valid = withoutSet switch
        {
            ContainerKinds.None => kinds != ContainerKinds.None,
            ContainerKinds.List => (kinds & ContainerKinds.Set) == 0,
            ContainerKinds.Graph or ContainerKinds.Id or ContainerKinds.Index or ContainerKinds.Language or ContainerKinds.Type => true,
            ContainerKinds.Graph | ContainerKinds.Id or ContainerKinds.Graph | ContainerKinds.Index => true,
            _ => false,
        };
        return valid ? kinds : throw Error(JsonLdErrorCode.InvalidContainerMapping, $"The container of \"{term}\" is not a valid combination.");
    }

    private static ContainerKinds ContainerKind(string value, string term) => value switch
    {
        Keywords.List => ContainerKinds.List,
        Keywords.Set => ContainerKinds.Set,
        Keywords.Index => ContainerKinds.Index,
        Keywords.Language => ContainerKinds.Language,
        Keywords.Id => ContainerKinds.Id,
        Keywords.Type => ContainerKinds.Type,
        Keywords.Graph => ContainerKinds.Graph,
        _ => throw Error(JsonLdErrorCode.InvalidContainerMapping, $"\"{value}\" is not a container keyword (in \"{term}\")."),
    };

    private static string? ReadDirection(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is "ltr" or "rtl")
        {
            return value.GetString();
        }

        throw Error(JsonLdErrorCode.InvalidBaseDirection, "@direction must be \"ltr\", \"rtl\" or null.");
    }

    private static bool IsGenDelim(char c) => c is ':' or '/' or '?' or '#' or '[' or ']' or '@';

    /// <summary>The IRI Expansion algorithm (§5.2.2); <paramref name="scope"/> is set while a context definition is processed.</summary>
    public string? ExpandIri(ActiveContext active, string? value, bool documentRelative, bool vocab, TermScope? scope = null)
    {
        if (value is null || Keywords.IsKeyword(value))
        {
            return value;
        }

        if (Keywords.HasKeywordForm(value))
        {
            return null;
        }

        if (scope is not null && scope.NeedsDefinition(value))
        {
            CreateTermDefinition(active, scope, value);
        }

        var definition = active.Term(value);
        if (definition is not null)
        {
            if (Keywords.IsKeyword(definition.IriMapping))
            {
                return definition.IriMapping;
            }

            if (vocab)
            {
                return definition.IriMapping;
            }
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var prefix = value[..colon];
            if (prefix == "_" || value.AsSpan(colon + 1).StartsWith("//", StringComparison.Ordinal))
            {
                return value;
            }

            if (scope is not null && scope.NeedsDefinition(prefix))
            {
                CreateTermDefinition(active, scope, prefix);
            }

            if (active.Term(prefix) is { IriMapping: { } prefixIri, IsPrefix: true })
            {
                return string.Concat(prefixIri, value.AsSpan(colon + 1));
            }

            if (IriResolver.IsAbsolute(value))
            {
                return value;
            }
        }

        if (vocab && active.Vocab is not null)
        {
            return active.Vocab + value;
        }

        if (documentRelative)
        {
            return IriResolver.Resolve(active.BaseIri, value);
        }

        return value;
    }

    private static void EnsureOwned(ref ActiveContext result, ref bool owned)
    {
        if (!owned)
        {
            result = result.Clone();
            owned = true;
        }
    }

    private static Dictionary<string, JsonElement> ToMap(JsonElement element)
    {
        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = property.Value;
        }

        return map;
    }

    internal static JsonLdException Error(string code, string message) => new(code, message);
}
