using System.Buffers;
using Credstack.Skills.Pathways;
using Credstack.Skills.Profiles;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Matching;

/// <summary>
/// Job → ranked candidates: an inverted index from skill to the people who have it, scored with
/// <see cref="MatchScorer"/>'s exact arithmetic so explanations add up to the ranked scores.
/// </summary>
public sealed class CandidateIndex
{
    private readonly MatchScorer _scorer;
    private readonly SkillProfile[] _people;
    private readonly string[] _ids;
    private readonly Dictionary<string, Posting[]> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _byOccupation = new(StringComparer.Ordinal);

    /// <summary>Indexes profiles (ids must be unique; the first of a duplicate id is kept).</summary>
    public CandidateIndex(MatchScorer scorer, IEnumerable<SkillProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(profiles);
        _scorer = scorer;
        _people = [.. profiles.DistinctBy(p => p.PersonId, StringComparer.Ordinal).OrderBy(p => p.PersonId, StringComparer.Ordinal)];
        _ids = [.. _people.Select(p => p.PersonId)];
        var lists = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var occupations = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _people.Length; i++)
        {
            foreach (var skill in _people[i].Skills.Values)
            {
                (lists.TryGetValue(skill.SkillId, out var list) ? list : lists[skill.SkillId] = []).Add(new Posting(i, skill.Level ?? -1, skill.Verified, scorer.RecencyOf(skill)));
            }

            if (_people[i].OccupationId is { } occupation)
            {
                (occupations.TryGetValue(occupation, out var list) ? list : occupations[occupation] = []).Add(i);
            }
        }

        foreach (var (skill, list) in lists)
        {
            _postings[skill] = [.. list];
        }

        foreach (var (occupation, list) in occupations)
        {
            _byOccupation[occupation] = [.. list];
        }
    }

    /// <summary>The number of people indexed.</summary>
    public int Count => _people.Length;

    /// <summary>The number of (person, skill) postings.</summary>
    public long PostingCount => _postings.Values.Sum(p => (long)p.Length);

    /// <summary>The profile of an indexed person.</summary>
    public SkillProfile? Find(string personId)
    {
        var i = Array.BinarySearch(_ids, personId, StringComparer.Ordinal);
        return i >= 0 ? _people[i] : null;
    }

    /// <summary>Ranks the candidates for a job: the top <paramref name="top"/>, the first <paramref name="explain"/> with explanations (and paths to missing must-haves when a planner is given).</summary>
    public IReadOnlyList<MatchResult> Rank(JobPosting job, int top = 100, int explain = 20, PathwayPlanner? planner = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (top <= 0 || _people.Length == 0)
        {
            return [];
        }

        var n = _people.Length;
        var scores = ArrayPool<double>.Shared.Rent(n);
        var best = ArrayPool<double>.Shared.Rent(n);
        var seen = ArrayPool<bool>.Shared.Rent(n);
        Array.Clear(scores, 0, n);
        Array.Clear(best, 0, n);
        Array.Clear(seen, 0, n);
        var touched = new List<int>();
        var touchedRequirement = new List<int>();
        try
        {
            var coefficients = MatchScorer.Coefficients(job.Requirements);
            for (var r = 0; r < job.Requirements.Count; r++)
            {
                var requirement = job.Requirements[r];
                var c = coefficients[r];
                foreach (var (skillId, relation) in _scorer.Taxonomy.StandIns(requirement.SkillId))
                {
                    if (!_postings.TryGetValue(skillId, out var postings))
                    {
                        continue;
                    }

                    var rho = _scorer.Weights.Factor(relation);
                    foreach (var p in postings)
                    {
                        var value = _scorer.Value(c, rho, p.Verified, Gaps.GapPolicy.LevelFactor(p.Level < 0 ? null : p.Level, requirement.Level), p.Recency);
                        if (value > best[p.Person])
                        {
                            if (best[p.Person] == 0)
                            {
                                touchedRequirement.Add(p.Person);
                            }

                            best[p.Person] = value;
                        }
                    }
                }

                foreach (var person in touchedRequirement)
                {
                    scores[person] += best[person];
                    best[person] = 0;
                    if (!seen[person])
                    {
                        seen[person] = true;
                        touched.Add(person);
                    }
                }

                touchedRequirement.Clear();
            }

            if (job.OccupationId is { } occupation)
            {
                var titled = new List<(int Person, double Similarity)>();
                if (_byOccupation.TryGetValue(occupation, out var same))
                {
                    titled.AddRange(same.Select(p => (p, 1.0)));
                }

                foreach (var sibling in _scorer.SiblingsOf(occupation))
                {
                    if (_byOccupation.TryGetValue(sibling, out var people))
                    {
                        titled.AddRange(people.Select(p => (p, 0.5)));
                    }
                }

                // Title is added last, after every requirement, exactly as MatchScorer.Explain adds it.
                foreach (var (person, similarity) in titled)
                {
                    scores[person] += _scorer.Weights.Title * similarity;
                    if (!seen[person])
                    {
                        seen[person] = true;
                        touched.Add(person);
                    }
                }
            }

            var ranked = TopK.Select(touched, scores, top);
            var results = new List<MatchResult>(ranked.Count);
            for (var i = 0; i < ranked.Count; i++)
            {
                var (person, score) = ranked[i];
                results.Add(new MatchResult(_people[person].PersonId, score, i < explain ? _scorer.Explain(_people[person], job, planner) : null));
            }

            return results;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<double>.Shared.Return(best);
            ArrayPool<bool>.Shared.Return(seen);
        }
    }

    private readonly record struct Posting(int Person, int Level, bool Verified, double Recency);
}
