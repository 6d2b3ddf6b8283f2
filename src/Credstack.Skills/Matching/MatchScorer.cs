using Credstack.Skills.Gaps;
using Credstack.Skills.Pathways;
using Credstack.Skills.Profiles;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Matching;

/// <summary>
/// The explainable linear scorer shared by both directions of matching. Every feature except title is a
/// weighted sum over requirements, so score = Σ per-requirement contributions + title contribution,
/// which lets the inverted indexes compute exactly the score this class explains.
/// </summary>
public sealed class MatchScorer
{
    private readonly Dictionary<string, HashSet<string>> _siblings = new(StringComparer.Ordinal);

    /// <summary>A scorer over a taxonomy, as of a date (for recency).</summary>
    public MatchScorer(SkillTaxonomy taxonomy, DateTimeOffset asOf, MatchWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        Taxonomy = taxonomy;
        AsOf = asOf;
        Weights = weights ?? MatchWeights.Default;
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var occupation in taxonomy.Occupations.Values)
        {
            foreach (var parent in occupation.Broader)
            {
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(occupation.Id);
            }
        }

        foreach (var occupation in taxonomy.Occupations.Values)
        {
            var set = new HashSet<string>(occupation.Broader.SelectMany(p => children[p]), StringComparer.Ordinal);
            set.Remove(occupation.Id);
            _siblings[occupation.Id] = set;
        }
    }

    /// <summary>The taxonomy.</summary>
    public SkillTaxonomy Taxonomy { get; }

    /// <summary>The date recency is measured from.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The weights.</summary>
    public MatchWeights Weights { get; }

    /// <summary>Title similarity: 1 same occupation, 0.5 siblings under a broader occupation, 0 otherwise or unknown.</summary>
    public double TitleSimilarity(string? jobOccupation, string? personOccupation)
    {
        if (jobOccupation is null || personOccupation is null)
        {
            return 0;
        }

        if (string.Equals(jobOccupation, personOccupation, StringComparison.Ordinal))
        {
            return 1;
        }

        return _siblings.TryGetValue(jobOccupation, out var siblings) && siblings.Contains(personOccupation) ? 0.5 : 0;
    }

    /// <summary>Occupations with title similarity 0.5 to an occupation.</summary>
    internal IReadOnlySet<string> SiblingsOf(string occupationId) => _siblings.TryGetValue(occupationId, out var s) ? s : new HashSet<string>();

    /// <summary>The recency of a skill's evidence.</summary>
    public double RecencyOf(ProfileSkill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        if (skill.LastEvidenceOn is not { } date)
        {
            return 0;
        }

        var age = Math.Max(0, (AsOf - date).TotalDays);
        return Math.Pow(0.5, age / Weights.RecencyHalfLife.TotalDays);
    }

    /// <summary>Explains a person against a job, optionally with the cheapest path to the missing must-haves.</summary>
    public MatchExplanation Explain(SkillProfile profile, JobPosting job, PathwayPlanner? planner = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(job);
        var coefficients = Coefficients(job.Requirements);
        var lines = new List<RequirementMatch>(job.Requirements.Count);
        double coverage = 0, must = 0, verified = 0, level = 0, recency = 0, sum = 0;
        var missing = new List<string>();
        for (var r = 0; r < job.Requirements.Count; r++)
        {
            var requirement = job.Requirements[r];
            var c = coefficients[r];
            ProfileSkill? best = null;
            SkillRelation relation = SkillRelation.Exact;
            double bestValue = 0, bestRho = 0, bestLevel = 0, bestRecency = 0;
            foreach (var (skillId, rel) in Taxonomy.StandIns(requirement.SkillId))
            {
                if (!profile.Skills.TryGetValue(skillId, out var have))
                {
                    continue;
                }

                var rho = Weights.Factor(rel);
                var levelFit = GapPolicy.LevelFactor(have.Level, requirement.Level);
                var rec = RecencyOf(have);
                var value = Value(c, rho, have.Verified, levelFit, rec);
                if (best is null || value > bestValue)
                {
                    (best, relation, bestValue, bestRho, bestLevel, bestRecency) = (have, rel, value, rho, levelFit, rec);
                }
            }

            if (best is null)
            {
                lines.Add(new RequirementMatch(requirement, null, null, 0, false, 0, 0, 0, []));
                if (requirement.MustHave)
                {
                    missing.Add(requirement.SkillId);
                }

                continue;
            }

            var v = best.Verified ? 1.0 : 0.0;
            coverage += c.A * bestRho;
            must += c.B * bestRho * bestLevel;
            verified += c.A * bestRho * v;
            level += c.A * bestRho * bestLevel;
            recency += c.A * bestRho * bestRecency;
            sum += bestValue;
            lines.Add(new RequirementMatch(requirement, best.SkillId, relation, bestRho, best.Verified, bestLevel, bestRecency, bestValue, best.Evidence));
        }

        var title = TitleSimilarity(job.OccupationId, profile.OccupationId);
        var w = Weights;
        FeatureContribution[] features =
        [
            new("coverage", w.Coverage, coverage, w.Coverage * coverage),
            new("mustHave", w.MustHave, must, w.MustHave * must),
            new("verified", w.Verified, verified, w.Verified * verified),
            new("levelFit", w.LevelFit, level, w.LevelFit * level),
            new("title", w.Title, title, w.Title * title),
            new("recency", w.Recency, recency, w.Recency * recency),
        ];
        PathwayPlan? path = null;
        if (planner is not null && missing.Count > 0)
        {
            path = planner.Plan(new PathwayRequest([.. job.Requirements.Where(r => missing.Contains(r.SkillId, StringComparer.Ordinal)).Select(r => new GapSkill(r.SkillId, r.Level))]));
        }

        return new MatchExplanation(job.Id, profile.PersonId, sum + (w.Title * title), features, lines, missing, path);
    }

    /// <summary>Per-requirement coefficients: A = weight / Σ weights, B = weight / Σ must-have weights (0 for nice-to-haves).</summary>
    internal static Coefficient[] Coefficients(IReadOnlyList<SkillRequirement> requirements)
    {
        var total = requirements.Sum(r => r.Weight);
        var mustTotal = requirements.Where(r => r.MustHave).Sum(r => r.Weight);
        return [.. requirements.Select(r => new Coefficient(total > 0 ? r.Weight / total : 0, r.MustHave && mustTotal > 0 ? r.Weight / mustTotal : 0, r.Level))];
    }

    /// <summary>What one requirement adds: ρ × (A × (coverage + verified·v + level·λ + recency·δ) + B × mustHave·λ).</summary>
    internal double Value(in Coefficient c, double rho, bool verified, double levelFit, double recency)
    {
        var w = Weights;
        return rho * ((c.A * (w.Coverage + (verified ? w.Verified : 0) + (w.LevelFit * levelFit) + (w.Recency * recency))) + (c.B * w.MustHave * levelFit));
    }

    internal readonly record struct Coefficient(double A, double B, int? Level);
}
