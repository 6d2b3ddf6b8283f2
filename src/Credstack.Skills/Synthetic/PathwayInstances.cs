using System.Globalization;
using Credstack.Skills.Pathways;

namespace Credstack.Skills.Synthetic;

/// <summary>Small random pathway instances (feasible by construction) for comparing the planner with the exact solver.</summary>
public static class PathwayInstances
{
    /// <summary>One instance: a catalogue of 8–14 credentials over 10 skills with AND/OR prerequisites, and a gap of 3–6 skills.</summary>
    public static (CredentialCatalog Catalog, PathwayRequest Request) Create(SplitMix64 random)
    {
        ArgumentNullException.ThrowIfNull(random);
        const int skills = 10;
        var count = random.Next(8, 15);
        var credentials = new List<CatalogCredential>();
        for (var i = 0; i < count; i++)
        {
            var id = "c" + i.ToString("00", CultureInfo.InvariantCulture);
            var taught = Enumerable.Range(0, random.Next(1, 4)).Select(_ => "s" + random.Next(skills).ToString(CultureInfo.InvariantCulture)).Distinct(StringComparer.Ordinal).Select(s => new TaughtSkill(s, random.Next(2, 6))).ToList();
            Prerequisite? prerequisites = null;
            if (i > 0 && random.Chance(0.4))
            {
                var a = "c" + random.Next(i).ToString("00", CultureInfo.InvariantCulture);
                var b = "c" + random.Next(i).ToString("00", CultureInfo.InvariantCulture);
                prerequisites = random.Chance(0.5) ? Prerequisite.Credential(a) : random.Chance(0.5) ? Prerequisite.AnyOf(Prerequisite.Credential(a), Prerequisite.Credential(b)) : Prerequisite.AllOf(Prerequisite.Credential(a), Prerequisite.Credential(b));
            }

            credentials.Add(new CatalogCredential(id, "Credential " + id) { Teaches = taught, Price = 50 + random.Next(0, 400), Hours = 10 + random.Next(0, 80), Credits = random.Next(1, 10), Prerequisites = prerequisites });
        }

        // The gap only asks for what the catalogue teaches (at the taught level or below), so it is feasible.
        var teachable = credentials.SelectMany(c => c.Teaches).GroupBy(t => t.SkillId, StringComparer.Ordinal).Select(g => new GapSkill(g.Key, random.Chance(0.5) ? null : g.Max(t => t.Level) - random.Next(0, 2))).OrderBy(g => g.SkillId, StringComparer.Ordinal).ToList();
        var gapSize = Math.Min(teachable.Count, random.Next(3, 7));
        var gap = new List<GapSkill>();
        while (gap.Count < gapSize)
        {
            var pick = teachable[random.Next(teachable.Count)];
            if (!gap.Contains(pick))
            {
                gap.Add(pick);
            }
        }

        var qualifications = new List<Qualification> { new("q1", "Stack", QualificationRule.Combined(QualificationRule.AllOf("c00"), QualificationRule.AtLeast(2, "c01", "c02", "c03", "c04"))) };
        return (new CredentialCatalog(credentials, qualifications), new PathwayRequest(gap) { HoursPerWeek = 8, WeeksPerTerm = 10 });
    }
}
