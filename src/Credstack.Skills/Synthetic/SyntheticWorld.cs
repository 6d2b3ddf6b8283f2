using System.Globalization;
using System.Text;
using Credstack.Skills.Pathways;
using Credstack.Skills.Profiles;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Synthetic;

/// <summary>
/// A seeded world with planted truth: a taxonomy-shaped skill graph, occupations, a credential catalogue,
/// people with latent occupations and proficiencies, their noisy observed evidence, and jobs.
/// Relevance is computed from the latent variables only (<see cref="SyntheticPerson.TrueLevels"/>).
/// </summary>
public sealed class SyntheticWorld
{
    private static readonly string[] Syllables = ["ka", "lo", "dor", "min", "ve", "tra", "sel", "qui", "bor", "nal", "fe", "gri", "zu", "pen", "ost", "ri", "mab", "cel", "tu", "vax", "ol", "dri", "sa", "ne", "plu", "ger", "hin", "jo", "wex", "yl", "bra", "cos", "dem", "fli", "hu", "kre", "lum", "mo", "nix", "pra"];
    private static readonly (string Verb, string Synonym)[] Verbs = [("manage", "supervise"), ("analyse", "evaluate"), ("design", "plan"), ("operate", "run"), ("maintain", "service"), ("teach", "instruct"), ("repair", "fix"), ("audit", "inspect"), ("build", "construct"), ("test", "verify"), ("document", "record"), ("optimise", "improve")];

    private SyntheticWorld(SyntheticOptions options, SkillTaxonomy taxonomy, CredentialCatalog catalog, IReadOnlyList<SyntheticPerson> people, IReadOnlyList<SyntheticPerson> verifiedCohort, IReadOnlyList<JobPosting> jobs, IReadOnlyList<(string Text, string SkillId)> labelQueries)
    {
        Options = options;
        Taxonomy = taxonomy;
        Catalog = catalog;
        People = people;
        VerifiedCohort = verifiedCohort;
        Jobs = jobs;
        LabelQueries = labelQueries;
    }

    /// <summary>The options it was generated from.</summary>
    public SyntheticOptions Options { get; }

    /// <summary>The taxonomy.</summary>
    public SkillTaxonomy Taxonomy { get; }

    /// <summary>The credential catalogue.</summary>
    public CredentialCatalog Catalog { get; }

    /// <summary>The population (mixed evidence).</summary>
    public IReadOnlyList<SyntheticPerson> People { get; }

    /// <summary>A cohort whose evidence is all verified credentials (for gap F1).</summary>
    public IReadOnlyList<SyntheticPerson> VerifiedCohort { get; }

    /// <summary>The jobs.</summary>
    public IReadOnlyList<JobPosting> Jobs { get; }

    /// <summary>Label variants and typos with the skill they name (for normalisation MRR).</summary>
    public IReadOnlyList<(string Text, string SkillId)> LabelQueries { get; }

    /// <summary>Generates a world from options (deterministic in the seed).</summary>
    public static SyntheticWorld Generate(SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = new SplitMix64(options.Seed);
        var random = root.Fork();

        // Skills: per domain, a domain noun, skills "verb object noun", some parents with children, related pairs.
        var skills = new List<Skill>();
        var domainSkills = new List<List<string>>();
        var skillIndex = 0;
        for (var d = 0; d < options.Domains; d++)
        {
            var noun = Word(random, 2) + "ics";
            var ids = new List<string>();
            var drafts = new List<(string Id, string Label, List<string> Alt)>();
            for (var k = 0; k < options.SkillsPerDomain; k++, skillIndex++)
            {
                var id = "sk" + skillIndex.ToString("00000", CultureInfo.InvariantCulture);
                var objectWord = Syllables[skillIndex % Syllables.Length] + Syllables[skillIndex / Syllables.Length % Syllables.Length] + Syllables[random.Next(Syllables.Length)];
                var (verb, synonym) = Verbs[random.Next(Verbs.Length)];
                drafts.Add((id, $"{verb} {objectWord} {noun}", [$"{synonym} {objectWord} {noun}", $"{objectWord} {noun}"]));
                ids.Add(id);
            }

            var broader = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
            var narrower = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
            var related = ids.ToDictionary(id => id, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
            var parents = Math.Max(1, ids.Count / 6);
            for (var p = 0; p < parents; p++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var child = ids[parents + (p * 3) + c];
                    if (parents + (p * 3) + c < ids.Count)
                    {
                        broader[child].Add(ids[p]);
                        narrower[ids[p]].Add(child);
                    }
                }
            }

            for (var r = 0; r < ids.Count / 4; r++)
            {
                var (a, b) = (ids[random.Next(ids.Count)], ids[random.Next(ids.Count)]);
                if (!string.Equals(a, b, StringComparison.Ordinal))
                {
                    related[a].Add(b);
                    related[b].Add(a);
                }
            }

            foreach (var (id, label, alt) in drafts)
            {
                skills.Add(new Skill(id, "urn:synthetic:skill:" + id, label) { AltLabels = alt, Broader = broader[id], Narrower = narrower[id], Related = [.. related[id].Order(StringComparer.Ordinal)] });
            }

            domainSkills.Add(ids);
        }

        // Occupations: per domain, a group; requirements mostly from the domain, must-haves with levels.
        var occupations = new List<Occupation>();
        var occupationDomain = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < options.Domains; d++)
        {
            for (var k = 0; k < options.OccupationsPerDomain; k++)
            {
                var id = "oc" + ((d * options.OccupationsPerDomain) + k).ToString("0000", CultureInfo.InvariantCulture);
                var chosen = Sample(random, domainSkills[d], random.Next(8, 13));
                var mustCount = random.Next(5, 8);
                var requirements = chosen.Select((s, i) => i < mustCount
                    ? new SkillRequirement(s, true, Level: random.Next(2, 6))
                    : new SkillRequirement(s, false, Level: random.Chance(0.5) ? null : random.Next(2, 5))).ToList();
                occupations.Add(new Occupation(id, "urn:synthetic:occupation:" + id, $"{Word(random, 2)} {Word(random, 2)}ist") { Broader = ["grp" + d.ToString("00", CultureInfo.InvariantCulture)], Requirements = requirements });
                occupationDomain[id] = d;
            }
        }

        var taxonomy = new SkillTaxonomy(skills, occupations);
        var catalog = Catalogue(root.Fork(), options, domainSkills);
        var peopleRandom = root.Fork();
        var people = new List<SyntheticPerson>(options.People);
        for (var i = 0; i < options.People; i++)
        {
            people.Add(Person(peopleRandom, options, taxonomy, occupations, occupationDomain, domainSkills, "p" + i.ToString("000000", CultureInfo.InvariantCulture), verified: false));
        }

        var cohortRandom = root.Fork();
        var cohort = new List<SyntheticPerson>(options.VerifiedCohort);
        for (var i = 0; i < options.VerifiedCohort; i++)
        {
            cohort.Add(Person(cohortRandom, options, taxonomy, occupations, occupationDomain, domainSkills, "v" + i.ToString("000000", CultureInfo.InvariantCulture), verified: true));
        }

        var jobRandom = root.Fork();
        var jobs = new List<JobPosting>(options.Jobs);
        for (var j = 0; j < options.Jobs; j++)
        {
            var occupation = occupations[jobRandom.Next(occupations.Count)];
            var requirements = new List<SkillRequirement>();
            foreach (var r in occupation.Requirements)
            {
                if (!r.MustHave && jobRandom.Chance(0.3))
                {
                    continue;
                }

                requirements.Add(r.MustHave && jobRandom.Chance(0.3) ? r with { Level = Math.Clamp(r.Level!.Value + (jobRandom.Chance(0.5) ? 1 : -1), 1, 7) } : r);
            }

            if (jobRandom.Chance(0.5))
            {
                var extra = domainSkills[occupationDomain[occupation.Id]][jobRandom.Next(options.SkillsPerDomain)];
                if (!requirements.Exists(r => string.Equals(r.SkillId, extra, StringComparison.Ordinal)))
                {
                    requirements.Add(new SkillRequirement(extra, false));
                }
            }

            jobs.Add(new JobPosting("job" + j.ToString("0000", CultureInfo.InvariantCulture), occupation.PreferredLabel, requirements, occupation.Id));
        }

        var queryRandom = root.Fork();
        var queries = new List<(string, string)>();
        foreach (var skill in skills)
        {
            queries.Add((skill.AltLabels[queryRandom.Next(skill.AltLabels.Count)], skill.Id));
            queries.Add((Typo(queryRandom, skill.PreferredLabel), skill.Id));
        }

        return new SyntheticWorld(options, taxonomy, catalog, people, cohort, jobs, queries);
    }

    /// <summary>Inserts, deletes, substitutes or swaps one letter of the longest word.</summary>
    internal static string Typo(SplitMix64 random, string label)
    {
        var words = label.Split(' ');
        var w = Array.IndexOf(words, words.MaxBy(x => x.Length));
        var word = new StringBuilder(words[w]);
        var at = random.Next(1, word.Length - 1);
        switch (random.Next(4))
        {
            case 0:
                word.Remove(at, 1);
                break;
            case 1:
                word.Insert(at, (char)('a' + random.Next(26)));
                break;
            case 2:
                word[at] = (char)('a' + random.Next(26));
                break;
            default:
                (word[at], word[at - 1]) = (word[at - 1], word[at]);
                break;
        }

        words[w] = word.ToString();
        return string.Join(' ', words);
    }

    private static SyntheticPerson Person(SplitMix64 random, SyntheticOptions options, SkillTaxonomy taxonomy, List<Occupation> occupations, Dictionary<string, int> occupationDomain, List<List<string>> domainSkills, string id, bool verified)
    {
        var occupation = occupations[random.Next(occupations.Count)];
        var domain = occupationDomain[occupation.Id];
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        int Around(int? level) => Math.Clamp((level ?? 3) + random.NextDouble() switch { < 0.10 => -2, < 0.25 => -1, < 0.60 => 0, < 0.85 => 1, _ => 2 }, 0, 7);
        foreach (var r in occupation.Requirements)
        {
            if (random.Chance(0.85))
            {
                levels[r.SkillId] = Around(r.Level);
            }
        }

        if (random.Chance(0.3))
        {
            var second = occupations[(domain * options.OccupationsPerDomain) + random.Next(options.OccupationsPerDomain)];
            foreach (var r in second.Requirements.Where(r => !levels.ContainsKey(r.SkillId)))
            {
                if (random.Chance(0.5))
                {
                    levels[r.SkillId] = Around(r.Level);
                }
            }
        }

        for (var k = 0; k < 2; k++)
        {
            var other = domainSkills[random.Next(domainSkills.Count)];
            levels.TryAdd(other[random.Next(other.Count)], random.Next(1, 6));
        }

        var evidence = new List<SkillEvidence>();
        var observed = verified ? 0.97 : options.ObservedShare;
        var displaced = verified ? options.DisplacedShare / 2 : options.DisplacedShare;
        var text = verified ? options.TextShare / 2 : options.TextShare;
        var n = 0;
        foreach (var (skillId, level) in levels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!random.Chance(observed))
            {
                continue;
            }

            var skill = taxonomy.Skills[skillId];
            var target = skill;
            if (random.Chance(displaced))
            {
                var options2 = skill.Broader.Concat(skill.Narrower).ToList();
                if (options2.Count > 0)
                {
                    target = taxonomy.Skills[options2[random.Next(options2.Count)]];
                }
            }

            var reference = target.Id;
            if (random.Chance(text))
            {
                reference = random.Chance(0.5) ? target.AltLabels[random.Next(target.AltLabels.Count)] : Typo(random, target.PreferredLabel);
            }

            var issued = options.AsOf.AddDays(-random.Next(0, 6 * 365));
            var roll = verified ? 0 : random.NextDouble();
            var credential = id + "-c" + (n++).ToString(CultureInfo.InvariantCulture);
            evidence.Add(roll switch
            {
                < 0.50 => SkillEvidence.FromCredential(credential, "issuer" + domain.ToString(CultureInfo.InvariantCulture), reference, true, level, issuedOn: issued),
                < 0.60 => SkillEvidence.FromAssessment(credential, "assessor", reference, level, takenOn: issued),
                < 0.70 => SkillEvidence.FromCredential(credential, "unknown issuer", reference, false, level, issuedOn: issued),
                _ => SkillEvidence.SelfDeclared(reference, Math.Min(7, level + (random.Chance(0.5) ? 1 : 0))),
            });
        }

        if (!verified)
        {
            // Self-declared claims with no latent skill behind them.
            for (var k = random.Next(0, 3); k > 0; k--)
            {
                var claim = domainSkills[domain][random.Next(domainSkills[domain].Count)];
                if (!levels.ContainsKey(claim))
                {
                    evidence.Add(SkillEvidence.SelfDeclared(claim, random.Next(3, 6)));
                }
            }
        }

        string? declared = null;
        if (random.Chance(0.6))
        {
            declared = random.Chance(0.85) ? occupation.Id : occupations[(domain * options.OccupationsPerDomain) + random.Next(options.OccupationsPerDomain)].Id;
        }

        return new SyntheticPerson(id, occupation.Id, levels, evidence, declared);
    }

    private static CredentialCatalog Catalogue(SplitMix64 random, SyntheticOptions options, List<List<string>> domainSkills)
    {
        var credentials = new List<CatalogCredential>();
        var qualifications = new List<Qualification>();
        for (var d = 0; d < domainSkills.Count; d++)
        {
            var ids = new List<string>();
            for (var k = 0; k < options.CredentialsPerDomain; k++)
            {
                var id = "cr" + d.ToString("00", CultureInfo.InvariantCulture) + "-" + k.ToString("000", CultureInfo.InvariantCulture);
                var teaches = Sample(random, domainSkills[d], random.Next(1, 4)).Select(s => new TaughtSkill(s, random.Next(3, 7))).ToList();
                Prerequisite? prerequisites = null;
                if (k > 2 && random.Chance(0.3))
                {
                    var a = Prerequisite.Credential(ids[random.Next(ids.Count)]);
                    var b = Prerequisite.Credential(ids[random.Next(ids.Count)]);
                    prerequisites = random.Chance(0.5) ? a : Prerequisite.AnyOf(a, b);
                }

                credentials.Add(new CatalogCredential(id, "Course " + id) { Teaches = teaches, Price = 50 + random.Next(0, 450), Hours = 10 + random.Next(0, 90), Credits = random.Next(1, 11), Prerequisites = prerequisites });
                ids.Add(id);
            }

            qualifications.Add(new Qualification("q" + d.ToString("00", CultureInfo.InvariantCulture), "Certificate " + d.ToString(CultureInfo.InvariantCulture), QualificationRule.Combined(QualificationRule.AllOf(ids[0], ids[1]), QualificationRule.AtLeast(2, ids[2], ids[3], ids[4], ids[5]))));
        }

        return new CredentialCatalog(credentials, qualifications);
    }

    private static List<string> Sample(SplitMix64 random, List<string> from, int count)
    {
        var pool = new List<string>(from);
        var result = new List<string>(count);
        while (result.Count < count && pool.Count > 0)
        {
            var i = random.Next(pool.Count);
            result.Add(pool[i]);
            pool[i] = pool[^1];
            pool.RemoveAt(pool.Count - 1);
        }

        return result;
    }

    private static string Word(SplitMix64 random, int syllables)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < syllables; i++)
        {
            builder.Append(Syllables[random.Next(Syllables.Length)]);
        }

        return builder.ToString();
    }
}
