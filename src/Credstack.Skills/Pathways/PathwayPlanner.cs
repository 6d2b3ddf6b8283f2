using System.Globalization;
using System.Numerics;

namespace Credstack.Skills.Pathways;

/// <summary>
/// Chooses the cheapest set of credentials that closes a skill gap (or a share of it), respecting AND/OR
/// prerequisites, and orders it into terms under an hours budget. Weighted set cover with prerequisites is
/// NP-hard, so production uses a prerequisite-aware greedy (cost of the credential plus its cheapest
/// prerequisite closure per newly closed skill), multi-start, redundancy removal and a drop-and-refill
/// local search; <see cref="ExactPathwaySolver"/> is the oracle on small instances.
/// </summary>
public sealed class PathwayPlanner
{
    /// <summary>Gap skills are held in a 64-bit mask.</summary>
    public const int MaxGapSkills = 64;

    private const int MultiStarts = 12;
    private const int MaxLocalSearchRounds = 25;
    private readonly CredentialCatalog _catalog;
    private readonly Dictionary<string, CatalogCredential> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CatalogCredential>> _teachers = new(StringComparer.Ordinal);
    private readonly List<string> _catalogProblems = [];
    private readonly HashSet<string> _qualificationMembers = new(StringComparer.Ordinal);

    /// <summary>Indexes a catalogue; duplicate ids, negative prices and prerequisite cycles become <see cref="CatalogProblems"/>.</summary>
    public PathwayPlanner(CredentialCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        foreach (var credential in catalog.Credentials)
        {
            if (credential.Price < 0 || credential.Hours < 0 || double.IsNaN(credential.Price) || double.IsNaN(credential.Hours))
            {
                _catalogProblems.Add($"credential {credential.Id} has a negative or undefined price or hours; it is not offered");
                continue;
            }

            if (!_byId.TryAdd(credential.Id, credential))
            {
                _catalogProblems.Add($"credential id {credential.Id} appears more than once; the first is used");
                continue;
            }

            foreach (var taught in credential.Teaches)
            {
                (_teachers.TryGetValue(taught.SkillId, out var list) ? list : _teachers[taught.SkillId] = []).Add(credential);
            }
        }

        foreach (var qualification in catalog.Qualifications)
        {
            _qualificationMembers.UnionWith(qualification.Rule.Mentions());
        }

        FindCycles();
    }

    /// <summary>Problems found in the catalogue itself (cycles, duplicates, negative prices).</summary>
    public IReadOnlyList<string> CatalogProblems => _catalogProblems;

    /// <summary>Plans the cheapest path for a request; bad input and infeasible requests come back as a plan that says why.</summary>
    public PathwayPlan Plan(PathwayRequest request)
    {
        if (!TryPrepare(request, out var prepared, out var failure))
        {
            return failure!;
        }

        var best = Greedy(prepared, [], [], out var stuck);
        if (best is null)
        {
            return PathwayPlan.Infeasible([.. _catalogProblems, Unreachable(prepared, stuck)]);
        }

        best = RemoveRedundant(prepared, best);

        // Multi-start: force each of the most promising first steps, then complete greedily.
        foreach (var start in StartCandidates(prepared).Take(MultiStarts))
        {
            var seed = Closure(start, [], prepared.Held, [], []);
            if (seed is null)
            {
                continue;
            }

            var candidate = Greedy(prepared, seed, [], out _);
            if (candidate is null)
            {
                continue;
            }

            candidate = RemoveRedundant(prepared, candidate);
            if (Better(candidate, best))
            {
                best = candidate;
            }
        }

        // Local search: drop one credential (and what depended on it), ban it, refill greedily.
        for (var round = 0; round < MaxLocalSearchRounds; round++)
        {
            var improved = false;
            foreach (var drop in best.OrderByDescending(id => _byId[id].Price).ThenBy(id => id, StringComparer.Ordinal).ToList())
            {
                var start = PruneUnsatisfied(best.Where(id => !string.Equals(id, drop, StringComparison.Ordinal)).ToList(), prepared.Held);
                var candidate = Greedy(prepared, start, [drop], out _);
                if (candidate is null)
                {
                    continue;
                }

                candidate = RemoveRedundant(prepared, candidate);
                if (Better(candidate, best))
                {
                    best = candidate;
                    improved = true;
                    break;
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return Finish(prepared, AddQualifications(prepared, best));
    }

    internal bool TryPrepare(PathwayRequest request, out Prepared prepared, out PathwayPlan? failure)
    {
        prepared = null!;
        failure = null;
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<string>();
        if (_byId.Count == 0 && request.Skills.Count > 0)
        {
            errors.Add("the catalogue is empty: no credential can close the gap");
        }

        if (double.IsNaN(request.Share) || request.Share <= 0 || request.Share > 1)
        {
            errors.Add("share must be greater than 0 and at most 1");
        }

        if (double.IsNaN(request.HoursPerWeek) || request.HoursPerWeek <= 0 || request.WeeksPerTerm <= 0)
        {
            errors.Add("hours per week and weeks per term must be positive");
        }

        var gap = request.Skills.DistinctBy(s => s.SkillId, StringComparer.Ordinal).ToArray();
        if (gap.Length > MaxGapSkills)
        {
            errors.Add($"the gap has {gap.Length} skills; at most {MaxGapSkills} can be planned at once");
        }

        if (gap.Any(g => g.Level is < 0 or > 7))
        {
            errors.Add("gap levels must be within 0–7");
        }

        if (errors.Count > 0)
        {
            failure = PathwayPlan.Infeasible([.. _catalogProblems, .. errors]);
            return false;
        }

        var masks = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var untaught = new List<string>();
        for (var i = 0; i < gap.Length; i++)
        {
            var teachers = _teachers.TryGetValue(gap[i].SkillId, out var list) ? list.Where(c => c.Teaches.Any(t => string.Equals(t.SkillId, gap[i].SkillId, StringComparison.Ordinal) && t.Level >= (gap[i].Level ?? 0))).ToList() : [];
            if (teachers.Count == 0)
            {
                untaught.Add(gap[i].SkillId);
            }

            foreach (var teacher in teachers)
            {
                masks[teacher.Id] = masks.GetValueOrDefault(teacher.Id) | (1UL << i);
            }
        }

        var target = (int)Math.Ceiling((request.Share * gap.Length) - 1e-9);
        if (gap.Length - untaught.Count < target)
        {
            var levels = untaught.Select(id => gap.First(g => string.Equals(g.SkillId, id, StringComparison.Ordinal))).Select(g => g.Level is { } l ? $"{g.SkillId} (level {l.ToString(CultureInfo.InvariantCulture)})" : g.SkillId);
            failure = PathwayPlan.Infeasible([.. _catalogProblems, "infeasible because no credential in the catalogue teaches " + string.Join(", ", levels)], untaught);
            return false;
        }

        var held = new HashSet<string>(request.Held, StringComparer.Ordinal);
        var covered = held.Aggregate(0UL, (m, id) => m | masks.GetValueOrDefault(id));
        prepared = new Prepared(request, gap, target, held, masks, covered, untaught);
        return true;
    }

    internal PathwayPlan Finish(Prepared prepared, IReadOnlyCollection<string> chosen)
    {
        var problems = new List<string>(_catalogProblems);
        var capacity = prepared.Request.HoursPerWeek * prepared.Request.WeeksPerTerm;
        var placed = new HashSet<string>(prepared.Held, StringComparer.Ordinal);
        var remaining = chosen.Select(id => _byId[id]).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var terms = new List<PathwayTerm>();
        var ordered = new List<CatalogCredential>();
        while (remaining.Count > 0)
        {
            var before = new HashSet<string>(placed, StringComparer.Ordinal);
            var term = new List<CatalogCredential>();
            double hours = 0;
            foreach (var credential in remaining.Where(c => c.Prerequisites is null || c.Prerequisites.IsSatisfiedBy(before.Contains)).ToList())
            {
                if (term.Count == 0 || hours + credential.Hours <= capacity + 1e-9)
                {
                    if (credential.Hours > capacity + 1e-9)
                    {
                        problems.Add($"{credential.Id} needs {credential.Hours.ToString(CultureInfo.InvariantCulture)} hours, more than a term's {capacity.ToString(CultureInfo.InvariantCulture)}; it takes a term of its own and runs over");
                    }

                    term.Add(credential);
                    hours += credential.Hours;
                    remaining.Remove(credential);
                    placed.Add(credential.Id);
                }
            }

            if (term.Count == 0)
            {
                return PathwayPlan.Infeasible([.. problems, "the chosen credentials cannot be ordered: their prerequisites are not met"]);
            }

            terms.Add(new PathwayTerm(terms.Count + 1, [.. term.Select(c => c.Id)], hours));
            ordered.AddRange(term);
        }

        var coverage = new List<SkillCoverage>();
        for (var i = 0; i < prepared.Gap.Length; i++)
        {
            var by = ordered.FirstOrDefault(c => (prepared.Masks.GetValueOrDefault(c.Id) & (1UL << i)) != 0);
            if (by is not null)
            {
                coverage.Add(new SkillCoverage(prepared.Gap[i].SkillId, by.Id));
            }
        }

        var all = new HashSet<string>(placed, StringComparer.Ordinal);
        var qualifications = _catalog.Qualifications.Where(q => q.Rule.IsSatisfiedBy(all, CreditsOf)).Select(q => q.Id).ToList();
        var coveredCount = BitOperations.PopCount(Coverage(prepared, chosen));
        return new PathwayPlan(coveredCount >= prepared.Target, problems, prepared.Untaught, ordered, terms, coverage, ordered.Sum(c => c.Price), ordered.Sum(c => c.Hours), qualifications);
    }

    internal IReadOnlyDictionary<string, CatalogCredential> Credentials => _byId;

    internal double PriceOf(IEnumerable<string> ids) => ids.Sum(id => _byId[id].Price);

    internal double CreditsOf(string id) => _byId.TryGetValue(id, out var c) ? c.Credits : 0;

    internal static ulong Coverage(Prepared prepared, IEnumerable<string> chosen) =>
        chosen.Aggregate(prepared.HeldCoverage, (m, id) => m | prepared.Masks.GetValueOrDefault(id));

    internal bool PrerequisitesHold(IReadOnlyCollection<string> chosen, HashSet<string> held)
    {
        bool Has(string id) => held.Contains(id) || chosen.Contains(id, StringComparer.Ordinal);
        return chosen.All(id => _byId[id].Prerequisites is not { } rule || rule.IsSatisfiedBy(Has));
    }

    private bool Better(List<string> candidate, List<string> best)
    {
        var (a, b) = (PriceOf(candidate), PriceOf(best));
        if (Math.Abs(a - b) > 1e-9)
        {
            return a < b;
        }

        var (ha, hb) = (candidate.Sum(id => _byId[id].Hours), best.Sum(id => _byId[id].Hours));
        return ha < hb - 1e-9 || (Math.Abs(ha - hb) <= 1e-9 && candidate.Count < best.Count);
    }

    private IEnumerable<string> StartCandidates(Prepared prepared) =>
        prepared.Masks.Keys
            .Where(id => !prepared.Held.Contains(id))
            .Select(id => (Id: id, Ratio: _byId[id].Price / Math.Max(1, BitOperations.PopCount(prepared.Masks[id] & ~prepared.HeldCoverage))))
            .OrderBy(x => x.Ratio)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => x.Id);

    private List<string>? Greedy(Prepared prepared, List<string> start, HashSet<string> banned, out ulong uncoveredAtFailure)
    {
        var chosen = new List<string>(start);
        var chosenSet = new HashSet<string>(start, StringComparer.Ordinal);
        var covered = Coverage(prepared, chosen);
        var full = prepared.Gap.Length == 64 ? ulong.MaxValue : (1UL << prepared.Gap.Length) - 1;
        uncoveredAtFailure = 0;
        while (BitOperations.PopCount(covered) < prepared.Target)
        {
            var remaining = prepared.Target - BitOperations.PopCount(covered);
            var uncovered = full & ~covered;
            List<string>? bestClosure = null;
            double bestRatio = double.PositiveInfinity, bestCost = double.PositiveInfinity;
            var bestInQualification = false;
            string? bestId = null;
            var bestGain = 0UL;
            foreach (var (id, mask) in prepared.Masks)
            {
                if ((mask & uncovered) == 0 || chosenSet.Contains(id) || banned.Contains(id))
                {
                    continue;
                }

                var closure = Closure(id, chosenSet, prepared.Held, banned, []);
                if (closure is null)
                {
                    continue;
                }

                var gainMask = closure.Aggregate(0UL, (m, c) => m | prepared.Masks.GetValueOrDefault(c)) & uncovered;
                var gain = Math.Min(BitOperations.PopCount(gainMask), remaining);
                var cost = closure.Sum(c => _byId[c].Price);
                var ratio = cost / gain;
                var inQualification = _qualificationMembers.Contains(id);
                var better = ratio < bestRatio - 1e-12
                    || (Math.Abs(ratio - bestRatio) <= 1e-12 && (cost < bestCost - 1e-12
                        || (Math.Abs(cost - bestCost) <= 1e-12 && ((inQualification && !bestInQualification)
                            || (inQualification == bestInQualification && string.CompareOrdinal(id, bestId) < 0)))));
                if (better)
                {
                    (bestClosure, bestRatio, bestCost, bestInQualification, bestId, bestGain) = (closure, ratio, cost, inQualification, id, gainMask);
                }
            }

            if (bestClosure is null)
            {
                uncoveredAtFailure = uncovered;
                return null;
            }

            foreach (var id in bestClosure)
            {
                if (chosenSet.Add(id))
                {
                    chosen.Add(id);
                }
            }

            covered |= bestGain;
            covered = Coverage(prepared, chosen);
        }

        return chosen;
    }

    // The cheapest list of credentials (prerequisites first) that makes `id` takeable, or null.
    private List<string>? Closure(string id, HashSet<string> chosen, HashSet<string> held, HashSet<string> banned, HashSet<string> visiting)
    {
        if (chosen.Contains(id) || held.Contains(id))
        {
            return [];
        }

        if (banned.Contains(id) || !_byId.TryGetValue(id, out var credential) || !visiting.Add(id))
        {
            return null;
        }

        var result = credential.Prerequisites is { } rule ? RuleClosure(rule, chosen, held, banned, visiting) : [];
        visiting.Remove(id);
        if (result is null)
        {
            return null;
        }

        result.Add(id);
        return result;
    }

    private List<string>? RuleClosure(Prerequisite rule, HashSet<string> chosen, HashSet<string> held, HashSet<string> banned, HashSet<string> visiting)
    {
        switch (rule.Kind)
        {
            case PrerequisiteKind.Credential:
                return rule.CredentialId is { } id ? Closure(id, chosen, held, banned, visiting) : null;
            case PrerequisiteKind.AllOf:
                {
                    var acc = new List<string>();
                    var with = new HashSet<string>(chosen, StringComparer.Ordinal);
                    foreach (var part in rule.Parts)
                    {
                        var more = RuleClosure(part, with, held, banned, visiting);
                        if (more is null)
                        {
                            return null;
                        }

                        foreach (var x in more)
                        {
                            if (with.Add(x))
                            {
                                acc.Add(x);
                            }
                        }
                    }

                    return acc;
                }

            default:
                {
                    if (rule.Parts.Count == 0)
                    {
                        return [];
                    }

                    List<string>? best = null;
                    var bestCost = double.PositiveInfinity;
                    foreach (var part in rule.Parts)
                    {
                        var option = RuleClosure(part, chosen, held, banned, visiting);
                        if (option is null)
                        {
                            continue;
                        }

                        var cost = option.Sum(x => _byId[x].Price);
                        if (cost < bestCost - 1e-12 || (Math.Abs(cost - bestCost) <= 1e-12 && best is not null && option.Count < best.Count))
                        {
                            (best, bestCost) = (option, cost);
                        }
                    }

                    return best;
                }
        }
    }

    private List<string> RemoveRedundant(Prepared prepared, List<string> chosen)
    {
        var result = new List<string>(chosen);
        foreach (var id in chosen.OrderByDescending(id => _byId[id].Price).ThenByDescending(id => _byId[id].Hours).ThenBy(id => id, StringComparer.Ordinal))
        {
            var without = result.Where(x => !string.Equals(x, id, StringComparison.Ordinal)).ToList();
            if (BitOperations.PopCount(Coverage(prepared, without)) >= prepared.Target && PrerequisitesHold(without, prepared.Held))
            {
                result = without;
            }
        }

        return result;
    }

    private List<string> PruneUnsatisfied(List<string> chosen, HashSet<string> held)
    {
        var result = new List<string>(chosen);
        bool changed;
        do
        {
            var set = new HashSet<string>(result, StringComparer.Ordinal);
            var kept = result.Where(id => _byId[id].Prerequisites is not { } rule || rule.IsSatisfiedBy(x => set.Contains(x) || held.Contains(x))).ToList();
            changed = kept.Count != result.Count;
            result = kept;
        }
        while (changed);
        return result;
    }

    // Completes a qualification when the extra price stays within the learner's premium.
    private List<string> AddQualifications(Prepared prepared, List<string> chosen)
    {
        var result = new List<string>(chosen);
        foreach (var qualification in _catalog.Qualifications.OrderBy(q => q.Id, StringComparer.Ordinal))
        {
            var set = new HashSet<string>(result.Concat(prepared.Held), StringComparer.Ordinal);
            if (qualification.Rule.IsSatisfiedBy(set, CreditsOf))
            {
                continue;
            }

            var extra = Complete(qualification.Rule, new HashSet<string>(set, StringComparer.Ordinal), prepared.Held);
            if (extra is not null && extra.Sum(id => _byId[id].Price) <= prepared.Request.QualificationPremium + 1e-9)
            {
                result.AddRange(extra.Where(id => !set.Contains(id)).Distinct(StringComparer.Ordinal));
            }
        }

        return result;
    }

    private List<string>? Complete(QualificationRule rule, HashSet<string> have, HashSet<string> held)
    {
        var added = new List<string>();
        bool Take(string id)
        {
            var closure = Closure(id, have, held, [], []);
            if (closure is null)
            {
                return false;
            }

            foreach (var x in closure.Where(have.Add))
            {
                added.Add(x);
            }

            return true;
        }

        IEnumerable<string> Cheapest(IEnumerable<string> ids) => ids.Where(id => !have.Contains(id) && _byId.ContainsKey(id)).OrderBy(id => _byId[id].Price).ThenBy(id => id, StringComparer.Ordinal);

        switch (rule.Kind)
        {
            case QualificationRuleKind.AllOf:
                return rule.CredentialIds.Where(id => !have.Contains(id)).ToList().All(Take) ? added : null;
            case QualificationRuleKind.AtLeast:
                foreach (var id in Cheapest(rule.CredentialIds).ToList())
                {
                    if (rule.CredentialIds.Count(have.Contains) >= rule.Count)
                    {
                        break;
                    }

                    Take(id);
                }

                return rule.CredentialIds.Count(have.Contains) >= rule.Count ? added : null;
            case QualificationRuleKind.MinCredits:
                IEnumerable<string> pool = rule.CredentialIds.Count == 0 ? _byId.Keys : rule.CredentialIds;
                foreach (var id in pool.Where(id => !have.Contains(id) && _byId.TryGetValue(id, out var c) && c.Credits > 0).OrderBy(id => _byId[id].Price / _byId[id].Credits).ThenBy(id => id, StringComparer.Ordinal).ToList())
                {
                    if (rule.IsSatisfiedBy(have, CreditsOf))
                    {
                        break;
                    }

                    Take(id);
                }

                return rule.IsSatisfiedBy(have, CreditsOf) ? added : null;
            default:
                foreach (var part in rule.Parts)
                {
                    var more = Complete(part, have, held);
                    if (more is null)
                    {
                        return null;
                    }

                    added.AddRange(more);
                }

                return added;
        }
    }

    private static string Unreachable(Prepared prepared, ulong uncovered)
    {
        var skills = Enumerable.Range(0, prepared.Gap.Length).Where(i => (uncovered & (1UL << i)) != 0).Select(i => prepared.Gap[i].SkillId).ToList();
        return "infeasible because the credentials that teach " + string.Join(", ", skills)
            + " cannot be taken: their prerequisites form a cycle or name credentials that are not in the catalogue";
    }

    private void FindCycles()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        void Visit(string id)
        {
            state[id] = 1;
            stack.Add(id);
            foreach (var next in _byId[id].Prerequisites?.CredentialIds() ?? [])
            {
                if (!_byId.ContainsKey(next))
                {
                    continue;
                }

                switch (state.GetValueOrDefault(next))
                {
                    case 0:
                        Visit(next);
                        break;
                    case 1:
                        var from = stack.IndexOf(next);
                        _catalogProblems.Add("prerequisites form a cycle: " + string.Join(" → ", stack.Skip(from).Append(next)) + "; these credentials can only be taken if one of them is already held");
                        break;
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
        }

        foreach (var id in _byId.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(id) == 0)
            {
                Visit(id);
            }
        }
    }

    internal sealed record Prepared(PathwayRequest Request, GapSkill[] Gap, int Target, HashSet<string> Held, Dictionary<string, ulong> Masks, ulong HeldCoverage, List<string> Untaught);
}
