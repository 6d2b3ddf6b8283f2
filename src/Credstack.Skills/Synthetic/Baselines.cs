using Credstack.Skills.Normalisation;
using Credstack.Skills.Profiles;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Synthetic;

// The two baselines for job → candidates, over the same observed evidence as the scorer:
// Jaccard on the raw skill ids found in the evidence (free text is not resolved), and BM25 on the
// label text of the evidence (the preferred label of an id, or the free text as written).
internal sealed class Baselines
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly int _people;
    private readonly int[] _sizes;
    private readonly Dictionary<string, List<int>> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Person, int Tf)>> _tokens = new(StringComparer.Ordinal);
    private readonly int[] _lengths;
    private readonly double _averageLength;
    private readonly SkillTaxonomy _taxonomy;

    public Baselines(SyntheticWorld world, SkillTaxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        _people = world.People.Count;
        _sizes = new int[_people];
        _lengths = new int[_people];
        for (var i = 0; i < _people; i++)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var tf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (SkillEvidence e in world.People[i].Evidence)
            {
                var text = e.SkillRef;
                if (taxonomy.Skills.TryGetValue(e.SkillRef, out var skill))
                {
                    ids.Add(skill.Id);
                    text = skill.PreferredLabel;
                }

                foreach (var token in LabelNormaliser.Tokens(text))
                {
                    tf[token] = tf.GetValueOrDefault(token) + 1;
                    _lengths[i]++;
                }
            }

            _sizes[i] = ids.Count;
            foreach (var id in ids)
            {
                (_ids.TryGetValue(id, out var list) ? list : _ids[id] = []).Add(i);
            }

            foreach (var (token, count) in tf)
            {
                (_tokens.TryGetValue(token, out var list) ? list : _tokens[token] = []).Add((i, count));
            }
        }

        _averageLength = _people > 0 ? _lengths.Average() : 0;
    }

    public IEnumerable<int> Jaccard(JobPosting job)
    {
        var wanted = job.Requirements.Select(r => r.SkillId).Distinct(StringComparer.Ordinal).ToList();
        var overlap = new Dictionary<int, int>();
        foreach (var id in wanted)
        {
            foreach (var person in _ids.TryGetValue(id, out var list) ? list : [])
            {
                overlap[person] = overlap.GetValueOrDefault(person) + 1;
            }
        }

        var scores = new double[_people];
        foreach (var (person, common) in overlap)
        {
            scores[person] = (double)common / (_sizes[person] + wanted.Count - common);
        }

        return Matching.TopK.Select(overlap.Keys, scores, 100).Select(x => x.Index);
    }

    public IEnumerable<int> Bm25(JobPosting job)
    {
        var query = job.Requirements.SelectMany(r => LabelNormaliser.Tokens(_taxonomy.Skills.TryGetValue(r.SkillId, out var s) ? s.PreferredLabel : r.SkillId)).ToList();
        var scores = new double[_people];
        var touched = new HashSet<int>();
        foreach (var token in query)
        {
            if (!_tokens.TryGetValue(token, out var postings))
            {
                continue;
            }

            var idf = Math.Log(1 + ((_people - postings.Count + 0.5) / (postings.Count + 0.5)));
            foreach (var (person, tf) in postings)
            {
                scores[person] += idf * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * _lengths[person] / _averageLength))));
                touched.Add(person);
            }
        }

        return Matching.TopK.Select(touched, scores, 100).Select(x => x.Index);
    }
}
