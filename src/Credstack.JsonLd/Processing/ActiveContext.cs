// JSON-LD 1.1 API §4.1 "Context Processing Algorithms": the active context. An instance is built by
// ContextProcessor and never changes afterwards, so it can be cached and shared across threads;
// contexts derived from it (by a remote or scoped context) are memoised on the instance itself and
// die with it.
using System.Collections.Concurrent;

namespace Credstack.JsonLd.Processing;

/// <summary>An active context: base IRI, vocabulary mapping, defaults and term definitions.</summary>
internal sealed class ActiveContext
{
    // Bounds the memo so that a caller who creates a new document loader for every call cannot grow it forever.
    private const int MaxDerivedEntries = 256;

    private ConcurrentDictionary<DerivationKey, ActiveContext>? _derived;

    public ActiveContext(string? baseIri)
    {
        BaseIri = baseIri;
        OriginalBaseUrl = baseIri;
        Terms = new Dictionary<string, TermDefinition>(StringComparer.Ordinal);
    }

    private ActiveContext(ActiveContext source)
    {
        BaseIri = source.BaseIri;
        OriginalBaseUrl = source.OriginalBaseUrl;
        Vocab = source.Vocab;
        DefaultLanguage = source.DefaultLanguage;
        DefaultDirection = source.DefaultDirection;
        PreviousContext = source.PreviousContext;
        Terms = new Dictionary<string, TermDefinition>(source.Terms, StringComparer.Ordinal);
    }

    public string? BaseIri { get; set; }

    public string? OriginalBaseUrl { get; set; }

    public string? Vocab { get; set; }

    public string? DefaultLanguage { get; set; }

    public string? DefaultDirection { get; set; }

    public ActiveContext? PreviousContext { get; set; }

    public Dictionary<string, TermDefinition> Terms { get; }

    public ActiveContext Clone() => new(this);

    public bool HasProtectedTerms()
    {
        foreach (var definition in Terms.Values)
        {
            if (definition.IsProtected)
            {
                return true;
            }
        }

        return false;
    }

    public TermDefinition? Term(string term) => Terms.TryGetValue(term, out var definition) ? definition : null;

    public bool TryGetDerived(in DerivationKey key, out ActiveContext derived)
    {
        if (_derived is { } cache && cache.TryGetValue(key, out var found))
        {
            derived = found;
            return true;
        }

        derived = this;
        return false;
    }

    public void AddDerived(in DerivationKey key, ActiveContext derived)
    {
        var cache = _derived;
        if (cache is null)
        {
            Interlocked.CompareExchange(ref _derived, new ConcurrentDictionary<DerivationKey, ActiveContext>(), null);
            cache = _derived;
        }

        if (cache.Count < MaxDerivedEntries)
        {
            cache.TryAdd(key, derived);
        }
    }
}

/// <summary>
/// What a derived context was made from: a <see cref="ScopedContext"/> (by reference) or a remote context URL
/// with the loader that served it, and the processing flags.
/// </summary>
internal readonly record struct DerivationKey(object Source, object? Loader, int Flags);
