using System.Globalization;
using Credstack.Skills.Normalisation;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Profiles;

/// <summary>Builds skill profiles from evidence: resolves skill references, weighs evidence by trust and keeps the chain.</summary>
/// <param name="taxonomy">The taxonomy skills resolve against.</param>
/// <param name="policy">Trust weights and decay; <see cref="TrustPolicy.Default"/> when null.</param>
/// <param name="labels">When given, references that are not an id, URI or code are normalised as free text.</param>
/// <param name="labelThreshold">The least label score accepted for free text.</param>
public sealed class ProfileBuilder(SkillTaxonomy taxonomy, TrustPolicy? policy = null, LabelIndex? labels = null, double labelThreshold = 0.4)
{
    /// <summary>Levels further apart than this between verified evidence are reported as contradictory.</summary>
    public const int ContradictionSpread = 4;

    private readonly TrustPolicy _policy = policy ?? TrustPolicy.Default;

    /// <summary>Builds a profile as of a date (for decay); evidence that cannot be used is reported, never thrown.</summary>
    public ProfileBuildResult Build(string personId, IReadOnlyList<SkillEvidence> evidence, DateTimeOffset asOf, string? occupationId = null)
    {
        ArgumentNullException.ThrowIfNull(personId);
        ArgumentNullException.ThrowIfNull(evidence);
        var problems = new List<ProfileProblem>();
        var bySkill = new Dictionary<string, List<WeightedEvidence>>(StringComparer.Ordinal);
        for (var i = 0; i < evidence.Count; i++)
        {
            var item = evidence[i];
            if (item is null || string.IsNullOrWhiteSpace(item.SkillRef))
            {
                problems.Add(new ProfileProblem(i, item?.SkillRef ?? "", "evidence without a skill reference"));
                continue;
            }

            if (item.Level is < 0 or > 7)
            {
                problems.Add(new ProfileProblem(i, item.SkillRef, $"level {item.Level} is outside 0–7; evidence ignored"));
                continue;
            }

            if (item.Result is { } r && (double.IsNaN(r) || r < 0 || r > 1))
            {
                problems.Add(new ProfileProblem(i, item.SkillRef, $"result {r.ToString(CultureInfo.InvariantCulture)} is outside 0–1; evidence ignored"));
                continue;
            }

            var (skillId, resolvedBy) = Resolve(item.SkillRef);
            if (skillId is null)
            {
                problems.Add(new ProfileProblem(i, item.SkillRef, "unknown skill: not an id, URI or code of the taxonomy" + (labels is null ? "" : " and no label close enough")));
                continue;
            }

            var list = bySkill.TryGetValue(skillId, out var l) ? l : bySkill[skillId] = [];
            list.Add(new WeightedEvidence(item, _policy.WeightOf(item, asOf), resolvedBy));
        }

        var skills = new Dictionary<string, ProfileSkill>(bySkill.Count, StringComparer.Ordinal);
        foreach (var (skillId, list) in bySkill)
        {
            list.Sort((a, b) => b.Weight.CompareTo(a.Weight));
            var verifiedLevels = list.Where(e => e.Evidence.Source == EvidenceSource.VerifiedCredential && e.Evidence.Level is not null).Select(e => e.Evidence.Level!.Value).ToList();
            if (verifiedLevels.Count > 1 && verifiedLevels.Max() - verifiedLevels.Min() >= ContradictionSpread)
            {
                problems.Add(new ProfileProblem(-1, skillId, $"contradictory verified levels {verifiedLevels.Min()} and {verifiedLevels.Max()}; the most trusted (then highest) level is used"));
            }

            var levelled = list.Where(e => e.Evidence.Level is not null).ToList();
            int? level = levelled.Count == 0 ? null : levelled.Where(e => e.Weight == levelled[0].Weight).Max(e => e.Evidence.Level);
            var confidence = 1.0;
            foreach (var e in list)
            {
                confidence *= 1 - Math.Clamp(e.Weight, 0, 1);
            }

            var dates = list.Where(e => e.Evidence.IssuedOn is not null).Select(e => e.Evidence.IssuedOn!.Value).ToList();
            skills[skillId] = new ProfileSkill(skillId, level, list[0].Weight, 1 - confidence, list.Exists(e => e.Evidence.Source == EvidenceSource.VerifiedCredential), dates.Count > 0 ? dates.Max() : null, list);
        }

        return new ProfileBuildResult(new SkillProfile(personId, skills, occupationId), problems);
    }

    private (string? SkillId, string ResolvedBy) Resolve(string reference)
    {
        if (taxonomy.Skills.ContainsKey(reference))
        {
            return (reference, "id");
        }

        if (taxonomy.FindSkill(reference) is { } skill)
        {
            return (skill.Id, "uri/code");
        }

        if (labels is not null && labels.Find(reference, 1, labelThreshold, ConceptKind.Skill) is [var match, ..])
        {
            return (match.ConceptId, match.Method == MatchMethod.Exact ? "exact label" : $"{match.Method.ToString().ToLowerInvariant()} label {match.Score.ToString("0.00", CultureInfo.InvariantCulture)}");
        }

        return (null, "");
    }
}
