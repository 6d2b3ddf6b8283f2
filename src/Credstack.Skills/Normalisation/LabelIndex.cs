using System.Collections.Frozen;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Normalisation;

/// <summary>
/// Maps free text to skills and occupations: an exact dictionary of normalised labels, a token trie
/// that finds every label inside a longer text, and a character-trigram TF-IDF index for the rest.
/// </summary>
public sealed class LabelIndex
{
    private const double ContainedScale = 0.9;
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
    private readonly TrieNode _trie = new();
    private readonly FrozenDictionary<string, Posting[]> _trigrams;
    private readonly FrozenDictionary<string, double> _idf;

    private LabelIndex(IEnumerable<(string Id, ConceptKind Kind, string Label)> labels)
    {
        foreach (var (id, kind, label) in labels)
        {
            var tokens = LabelNormaliser.Tokens(label);
            if (tokens.Count == 0)
            {
                continue;
            }

            var normalised = string.Join(' ', tokens);
            var index = _entries.Count;
            _entries.Add(new Entry(id, kind, label, normalised, tokens.Count));
            (_exact.TryGetValue(normalised, out var list) ? list : _exact[normalised] = []).Add(index);
            var node = _trie;
            foreach (var token in tokens)
            {
                node = node.Children.TryGetValue(token, out var child) ? child : node.Children[token] = new TrieNode();
            }

            node.Entries.Add(index);
        }

        // Trigram TF-IDF: idf = ln(1 + N / df); label vectors are L2-normalised.
        var termFrequencies = _entries.Select(e => Trigrams(e.Normalised)).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tf in termFrequencies)
        {
            foreach (var gram in tf.Keys)
            {
                df[gram] = df.GetValueOrDefault(gram) + 1;
            }
        }

        _idf = df.ToFrozenDictionary(p => p.Key, p => Math.Log(1 + ((double)_entries.Count / p.Value)), StringComparer.Ordinal);
        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        for (var i = 0; i < termFrequencies.Count; i++)
        {
            var weights = termFrequencies[i].ToDictionary(p => p.Key, p => p.Value * _idf[p.Key], StringComparer.Ordinal);
            var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
            foreach (var (gram, weight) in weights)
            {
                (postings.TryGetValue(gram, out var list) ? list : postings[gram] = []).Add(new Posting(i, weight / norm));
            }
        }

        _trigrams = postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The number of labels indexed.</summary>
    public int LabelCount => _entries.Count;

    /// <summary>Indexes the preferred, alternative and hidden labels of a taxonomy's skills, and optionally its occupations.</summary>
    public static LabelIndex Build(SkillTaxonomy taxonomy, bool includeOccupations = true)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var labels = new List<(string, ConceptKind, string)>();
        foreach (var skill in taxonomy.Skills.Values.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            labels.Add((skill.Id, ConceptKind.Skill, skill.PreferredLabel));
            labels.AddRange(skill.AltLabels.Concat(skill.HiddenLabels).Select(l => (skill.Id, ConceptKind.Skill, l)));
        }

        if (includeOccupations)
        {
            foreach (var occupation in taxonomy.Occupations.Values.OrderBy(o => o.Id, StringComparer.Ordinal))
            {
                labels.Add((occupation.Id, ConceptKind.Occupation, occupation.PreferredLabel));
                labels.AddRange(occupation.AltLabels.Select(l => (occupation.Id, ConceptKind.Occupation, l)));
            }
        }

        return new LabelIndex(labels);
    }

    /// <summary>Indexes explicit (id, kind, label) triples.</summary>
    public static LabelIndex Build(IEnumerable<(string Id, ConceptKind Kind, string Label)> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new LabelIndex(labels);
    }

    /// <summary>
    /// The best concepts for a text, best first (score descending, then id), one line per concept:
    /// exact label hits, then labels contained in the text, then trigram similarity at or above the threshold.
    /// </summary>
    public IReadOnlyList<LabelMatch> Find(string text, int top = 5, double threshold = 0.3, ConceptKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = LabelNormaliser.Tokens(text);
        if (tokens.Count == 0 || top <= 0)
        {
            return [];
        }

        var normalised = string.Join(' ', tokens);
        var best = new Dictionary<(string, ConceptKind), LabelMatch>();
        void Offer(int entryIndex, double score, MatchMethod method)
        {
            var entry = _entries[entryIndex];
            if (kind is { } k && entry.Kind != k)
            {
                return;
            }

            var key = (entry.Id, entry.Kind);
            if (!best.TryGetValue(key, out var existing) || existing.Score < score)
            {
                best[key] = new LabelMatch(entry.Id, entry.Kind, entry.Label, score, method);
            }
        }

        if (_exact.TryGetValue(normalised, out var exact))
        {
            foreach (var i in exact)
            {
                Offer(i, 1.0, MatchMethod.Exact);
            }
        }

        foreach (var (entryIndex, _) in Contained(tokens))
        {
            var share = (double)_entries[entryIndex].TokenCount / tokens.Count;
            if (share < 1)
            {
                Offer(entryIndex, ContainedScale * share, MatchMethod.Contained);
            }
        }

        foreach (var (entryIndex, cosine) in Similar(normalised, threshold))
        {
            // A fuzzy hit never outranks an exact one.
            Offer(entryIndex, Math.Min(cosine, 0.999), MatchMethod.Fuzzy);
        }

        return [.. best.Values.Where(m => m.Score >= threshold).OrderByDescending(m => m.Score).ThenBy(m => m.ConceptId, StringComparer.Ordinal).ThenBy(m => m.Kind).Take(top)];
    }

    /// <summary>Every label that occurs in a longer text (skills listed in a job advert), as (label entry, start token) pairs.</summary>
    public IReadOnlyList<LabelMatch> Extract(string text, ConceptKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = LabelNormaliser.Tokens(text);
        var seen = new HashSet<(string, ConceptKind)>();
        var result = new List<LabelMatch>();
        foreach (var (entryIndex, _) in Contained(tokens))
        {
            var entry = _entries[entryIndex];
            if ((kind is null || entry.Kind == kind) && seen.Add((entry.Id, entry.Kind)))
            {
                result.Add(new LabelMatch(entry.Id, entry.Kind, entry.Label, 1.0, MatchMethod.Contained));
            }
        }

        return result;
    }

    private IEnumerable<(int Entry, int Start)> Contained(IReadOnlyList<string> tokens)
    {
        for (var start = 0; start < tokens.Count; start++)
        {
            var node = _trie;
            for (var i = start; i < tokens.Count && node.Children.TryGetValue(tokens[i], out var child); i++)
            {
                node = child;
                foreach (var entry in node.Entries)
                {
                    yield return (entry, start);
                }
            }
        }
    }

    private List<(int Entry, double Cosine)> Similar(string normalised, double threshold)
    {
        var query = Trigrams(normalised);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (gram, tf) in query)
        {
            if (_idf.TryGetValue(gram, out var idf))
            {
                weights[gram] = tf * idf;
            }
        }

        // Unknown trigrams still count in the query norm, so a text full of them scores low.
        var unknown = query.Where(p => !_idf.ContainsKey(p.Key)).Sum(p => Math.Pow(p.Value * Math.Log(1 + _entries.Count), 2));
        var norm = Math.Sqrt(weights.Values.Sum(w => w * w) + unknown);
        if (norm == 0)
        {
            return [];
        }

        var scores = new double[_entries.Count];
        var touched = new List<int>();
        foreach (var (gram, weight) in weights)
        {
            var scaled = weight / norm;
            foreach (var posting in _trigrams[gram])
            {
                if (scores[posting.Entry] == 0)
                {
                    touched.Add(posting.Entry);
                }

                scores[posting.Entry] += scaled * posting.Weight;
            }
        }

        return [.. touched.Where(i => scores[i] >= threshold).Select(i => (i, scores[i]))];
    }

    private static Dictionary<string, int> Trigrams(string normalised)
    {
        var padded = "  " + normalised + " ";
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            var gram = padded.Substring(i, 3);
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    private sealed record Entry(string Id, ConceptKind Kind, string Label, string Normalised, int TokenCount);

    private readonly record struct Posting(int Entry, double Weight);

    private sealed class TrieNode
    {
        public Dictionary<string, TrieNode> Children { get; } = new(StringComparer.Ordinal);

        public List<int> Entries { get; } = [];
    }
}
