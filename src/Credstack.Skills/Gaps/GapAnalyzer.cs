using System.Globalization;
using Credstack.Skills.Profiles;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Gaps;

/// <summary>Compares a profile with an occupation or job, requirement by requirement.</summary>
/// <param name="taxonomy">The taxonomy that says which skills are broader, narrower or related.</param>
/// <param name="policy">Credits and the trust needed for "met"; <see cref="GapPolicy.Default"/> when null.</param>
public sealed class GapAnalyzer(SkillTaxonomy taxonomy, GapPolicy? policy = null)
{
    private readonly GapPolicy _policy = policy ?? GapPolicy.Default;

    /// <summary>Analyses a profile against an occupation.</summary>
    public GapReport Analyze(SkillProfile profile, Occupation occupation) => Analyze(profile, JobPosting.FromOccupation(occupation));

    /// <summary>Analyses a profile against a job.</summary>
    public GapReport Analyze(SkillProfile profile, JobPosting target)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(target);
        var total = target.Requirements.Sum(r => r.Weight);
        var lines = new List<RequirementResult>(target.Requirements.Count);
        double readiness = 0, must = 0, mustWeight = 0, nice = 0, niceWeight = 0;
        foreach (var requirement in target.Requirements)
        {
            var line = Evaluate(profile, requirement, total);
            lines.Add(line);
            readiness += line.Contribution;
            if (requirement.MustHave)
            {
                must += line.Weight * line.Credit;
                mustWeight += line.Weight;
            }
            else
            {
                nice += line.Weight * line.Credit;
                niceWeight += line.Weight;
            }
        }

        return new GapReport(target.Id, lines, readiness, mustWeight > 0 ? must / mustWeight : 1.0, niceWeight > 0 ? nice / niceWeight : 1.0, total);
    }

    private RequirementResult Evaluate(SkillProfile profile, SkillRequirement requirement, double total)
    {
        ProfileSkill? best = null;
        SkillRelation bestRelation = SkillRelation.Exact;
        double bestCredit = -1, bestRelationFactor = 0, bestLevel = 0;
        foreach (var (skillId, relation) in taxonomy.StandIns(requirement.SkillId))
        {
            if (!profile.Skills.TryGetValue(skillId, out var have))
            {
                continue;
            }

            var relationFactor = _policy.Factor(relation);
            var levelFactor = GapPolicy.LevelFactor(have.Level, requirement.Level);
            var credit = relationFactor * levelFactor * have.Trust;
            if (credit > bestCredit)
            {
                (best, bestRelation, bestCredit, bestRelationFactor, bestLevel) = (have, relation, credit, relationFactor, levelFactor);
            }
        }

        var weight = requirement.Weight;
        if (best is null)
        {
            return new RequirementResult(requirement, RequirementStatus.Missing, null, null, 0, 0, 0, 0, weight, 0, [], "no evidence for this skill or a broader, narrower or related one");
        }

        var met = bestRelation is SkillRelation.Exact or SkillRelation.Narrower && bestLevel >= 1.0 && best.Trust >= _policy.MetTrust;
        var top = best.Evidence[0];
        var source = top.Evidence.CredentialId is { } id ? $"{Describe(top.Evidence.Source)} {id}" + (top.Evidence.Issuer is { } issuer ? $" ({issuer})" : "") : Describe(top.Evidence.Source);
        var reason = met
            ? $"met by {source}"
            : bestRelation != SkillRelation.Exact && bestRelation != SkillRelation.Narrower
                ? $"partial: {bestRelation.ToString().ToLowerInvariant()} skill {best.SkillId} from {source}"
                : bestLevel < 1.0
                    ? $"partial: level {best.Level?.ToString(CultureInfo.InvariantCulture) ?? "unknown"} below {requirement.Level?.ToString(CultureInfo.InvariantCulture)} ({source})"
                    : $"partial: only {source} (trust {best.Trust.ToString("0.00", CultureInfo.InvariantCulture)})";
        return new RequirementResult(requirement, met ? RequirementStatus.Met : RequirementStatus.Partial, best.SkillId, bestRelation, bestRelationFactor, bestLevel, best.Trust, bestCredit, weight, total > 0 ? weight * bestCredit / total : 0, best.Evidence, reason);
    }

    private static string Describe(EvidenceSource source) => source switch
    {
        EvidenceSource.VerifiedCredential => "verified credential",
        EvidenceSource.Assessment => "assessment",
        EvidenceSource.UnverifiedCredential => "unverified credential",
        _ => "self-declaration",
    };
}
