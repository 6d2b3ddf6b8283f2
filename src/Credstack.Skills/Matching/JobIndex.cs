using System.Buffers;
using Credstack.Skills.Pathways;
using Credstack.Skills.Profiles;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Matching;

/// <summary>
/// Person → ranked jobs: every requirement of every job is a slot; an inverted index maps a skill a person
/// may have to the slots it can fill (directly or as a stand-in), scored with <see cref="MatchScorer"/>'s arithmetic.
/// </summary>
public sealed class JobIndex
{
    private readonly MatchScorer _scorer;
    private readonly JobPosting[] _jobs;
    private readonly int[] _slotJob;
    private readonly MatchScorer.Coefficient[] _slotCoefficient;
    private readonly Dictionary<string, (int[] Slots, double Rho)[]> _fills = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _byOccupation = new(StringComparer.Ordinal);

    /// <summary>Indexes jobs (ids must be unique; the first of a duplicate id is kept).</summary>
    public JobIndex(MatchScorer scorer, IEnumerable<JobPosting> jobs)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(jobs);
        _scorer = scorer;
        _jobs = [.. jobs.DistinctBy(j => j.Id, StringComparer.Ordinal).OrderBy(j => j.Id, StringComparer.Ordinal)];
        var slotJob = new List<int>();
        var slotCoefficient = new List<MatchScorer.Coefficient>();
        var bySkill = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var occupations = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var j = 0; j < _jobs.Length; j++)
        {
            var coefficients = MatchScorer.Coefficients(_jobs[j].Requirements);
            for (var r = 0; r < _jobs[j].Requirements.Count; r++)
            {
                (bySkill.TryGetValue(_jobs[j].Requirements[r].SkillId, out var list) ? list : bySkill[_jobs[j].Requirements[r].SkillId] = []).Add(slotJob.Count);
                slotJob.Add(j);
                slotCoefficient.Add(coefficients[r]);
            }

            if (_jobs[j].OccupationId is { } occupation)
            {
                (occupations.TryGetValue(occupation, out var list) ? list : occupations[occupation] = []).Add(j);
            }
        }

        _slotJob = [.. slotJob];
        _slotCoefficient = [.. slotCoefficient];

        // Reverse the stand-in relation: which required skills can a person's skill fill, and with what credit.
        var fills = new Dictionary<string, List<(int[], double)>>(StringComparer.Ordinal);
        foreach (var (required, slots) in bySkill)
        {
            var array = slots.ToArray();
            foreach (var (standIn, relation) in scorer.Taxonomy.StandIns(required))
            {
                (fills.TryGetValue(standIn, out var list) ? list : fills[standIn] = []).Add((array, scorer.Weights.Factor(relation)));
            }
        }

        foreach (var (skill, list) in fills)
        {
            _fills[skill] = [.. list];
        }

        foreach (var (occupation, list) in occupations)
        {
            _byOccupation[occupation] = [.. list];
        }
    }

    /// <summary>The number of jobs indexed.</summary>
    public int Count => _jobs.Length;

    /// <summary>Ranks jobs for a person: the top <paramref name="top"/>, the first <paramref name="explain"/> with explanations.</summary>
    public IReadOnlyList<MatchResult> Rank(SkillProfile person, int top = 20, int explain = 20, PathwayPlanner? planner = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (top <= 0 || _jobs.Length == 0)
        {
            return [];
        }

        var slots = _slotJob.Length;
        var best = ArrayPool<double>.Shared.Rent(slots);
        var scores = ArrayPool<double>.Shared.Rent(_jobs.Length);
        var seen = ArrayPool<bool>.Shared.Rent(_jobs.Length);
        var slotSeen = ArrayPool<bool>.Shared.Rent(slots);
        Array.Clear(slotSeen, 0, slots);
        Array.Clear(scores, 0, _jobs.Length);
        Array.Clear(seen, 0, _jobs.Length);
        var touchedSlots = new List<int>();
        var touched = new List<int>();
        try
        {
            foreach (var skill in person.Skills.Values)
            {
                if (!_fills.TryGetValue(skill.SkillId, out var fills))
                {
                    continue;
                }

                var recency = _scorer.RecencyOf(skill);
                foreach (var (slotList, rho) in fills)
                {
                    foreach (var slot in slotList)
                    {
                        ref readonly var c = ref _slotCoefficient[slot];
                        var value = _scorer.Value(c, rho, skill.Verified, Gaps.GapPolicy.LevelFactor(skill.Level, c.Level), recency);
                        if (!slotSeen[slot])
                        {
                            slotSeen[slot] = true;
                            touchedSlots.Add(slot);
                            best[slot] = value;
                        }
                        else if (value > best[slot])
                        {
                            best[slot] = value;
                        }
                    }
                }
            }

            // Sum each job's slots in requirement order, as MatchScorer.Explain does.
            touchedSlots.Sort();
            foreach (var slot in touchedSlots)
            {
                var job = _slotJob[slot];
                scores[job] += best[slot];
                if (!seen[job])
                {
                    seen[job] = true;
                    touched.Add(job);
                }
            }

            if (person.OccupationId is { } occupation)
            {
                var titled = new List<(int Job, double Similarity)>();
                if (_byOccupation.TryGetValue(occupation, out var same))
                {
                    titled.AddRange(same.Select(j => (j, 1.0)));
                }

                foreach (var sibling in _scorer.SiblingsOf(occupation))
                {
                    if (_byOccupation.TryGetValue(sibling, out var jobs))
                    {
                        titled.AddRange(jobs.Select(j => (j, 0.5)));
                    }
                }

                foreach (var (job, similarity) in titled)
                {
                    scores[job] += _scorer.Weights.Title * similarity;
                    if (!seen[job])
                    {
                        seen[job] = true;
                        touched.Add(job);
                    }
                }
            }

            var ranked = TopK.Select(touched, scores, top);
            var results = new List<MatchResult>(ranked.Count);
            for (var i = 0; i < ranked.Count; i++)
            {
                var (job, score) = ranked[i];
                results.Add(new MatchResult(_jobs[job].Id, score, i < explain ? _scorer.Explain(person, _jobs[job], planner) : null));
            }

            return results;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(best);
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<bool>.Shared.Return(seen);
            ArrayPool<bool>.Shared.Return(slotSeen);
        }
    }
}
