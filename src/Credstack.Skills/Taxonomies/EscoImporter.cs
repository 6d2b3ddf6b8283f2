// ESCO classification in CSV form, as published by the European Commission's ESCO portal
// (skills_en.csv etc.) and in the tabiya taxonomy-model layout used by ../shared/skills-data:
// skills.csv, occupations.csv, occupation_to_skill_relations.csv, skill_hierarchy.csv,
// skill_to_skill_relations.csv, occupation_hierarchy.csv, skill_groups.csv, occupation_groups.csv.
// Deviation: local (tabiya) occupations carry a signalling value (high/medium/low) instead of an
// essential/optional relation type; high maps to a must-have with importance 5, medium and low to
// nice-to-haves with importance 3 and 1.
using System.Text;

namespace Credstack.Skills.Taxonomies;

/// <summary>Imports an ESCO CSV folder into a <see cref="SkillTaxonomy"/>, streaming, all-or-nothing.</summary>
public static class EscoImporter
{
    /// <summary>Imports the ESCO CSV files in a folder.</summary>
    public static TaxonomyImportResult Import(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return new TaxonomyImportResult(null, [new ImportProblem(directory, 0, "the folder does not exist")], 0, 0, 0);
        }

        return Import(name => File.Exists(Path.Combine(directory, name)) ? new StreamReader(Path.Combine(directory, name), Encoding.UTF8) : null, cancellationToken);
    }

    /// <summary>Imports ESCO CSV files opened by name (returns null for a missing file).</summary>
    public static TaxonomyImportResult Import(Func<string, TextReader?> open, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        var problems = new List<ImportProblem>();
        var skills = new Dictionary<string, SkillDraft>(StringComparer.Ordinal);
        var occupations = new Dictionary<string, OccupationDraft>(StringComparer.Ordinal);
        var skillGroups = new Dictionary<string, string>(StringComparer.Ordinal);
        var occupationGroups = new HashSet<string>(StringComparer.Ordinal);
        var relations = 0;

        bool ReadFile(string name, bool required, string[] columns, Action<long, Func<string, string>> row)
        {
            using var reader = open(name);
            if (reader is null)
            {
                if (required)
                {
                    problems.Add(new ImportProblem(name, 0, "required file is missing"));
                }

                return false;
            }

            CsvTable.Read(name, reader, columns, problems, row, cancellationToken);
            return true;
        }

        ReadFile("skill_groups.csv", false, ["ID", "PREFERREDLABEL"], (_, get) => skillGroups.TryAdd(get("ID"), get("PREFERREDLABEL")));
        ReadFile("occupation_groups.csv", false, ["ID"], (_, get) => occupationGroups.Add(get("ID")));

        ReadFile("skills.csv", true, ["ID", "ORIGINURI", "PREFERREDLABEL", "ALTLABELS", "SKILLTYPE", "REUSELEVEL"], (line, get) =>
        {
            var id = get("ID").Trim();
            var label = get("PREFERREDLABEL").Trim();
            if (id.Length == 0 || label.Length == 0)
            {
                problems.Add(new ImportProblem("skills.csv", line, "a skill needs an ID and a PREFERREDLABEL"));
                return;
            }

            if (!skills.TryAdd(id, new SkillDraft(id, Uri(get("ORIGINURI"), "skill", id), label, SplitLabels(get("ALTLABELS"), label), get("SKILLTYPE").Trim(), get("REUSELEVEL").Trim())))
            {
                problems.Add(new ImportProblem("skills.csv", line, $"duplicate skill ID {id}"));
            }
        });

        ReadFile("occupations.csv", true, ["ID", "ORIGINURI", "CODE", "PREFERREDLABEL", "ALTLABELS"], (line, get) =>
        {
            var id = get("ID").Trim();
            var label = get("PREFERREDLABEL").Trim();
            if (id.Length == 0 || label.Length == 0)
            {
                problems.Add(new ImportProblem("occupations.csv", line, "an occupation needs an ID and a PREFERREDLABEL"));
                return;
            }

            if (!occupations.TryAdd(id, new OccupationDraft(id, Uri(get("ORIGINURI"), "occupation", id), label, get("CODE").Trim(), SplitLabels(get("ALTLABELS"), label))))
            {
                problems.Add(new ImportProblem("occupations.csv", line, $"duplicate occupation ID {id}"));
            }
        });

        ReadFile("occupation_to_skill_relations.csv", true, ["OCCUPATIONID", "RELATIONTYPE", "SKILLID"], (line, get) =>
        {
            var occupationId = get("OCCUPATIONID").Trim();
            var skillId = get("SKILLID").Trim();
            if (!occupations.TryGetValue(occupationId, out var occupation))
            {
                problems.Add(new ImportProblem("occupation_to_skill_relations.csv", line, $"unknown occupation {occupationId}"));
                return;
            }

            if (!skills.ContainsKey(skillId))
            {
                problems.Add(new ImportProblem("occupation_to_skill_relations.csv", line, $"unknown skill {skillId}"));
                return;
            }

            SkillRequirement? requirement = (get("RELATIONTYPE").Trim().ToUpperInvariant(), get("SIGNALLINGVALUELABEL").Trim().ToUpperInvariant()) switch
            {
                ("ESSENTIAL", _) => new SkillRequirement(skillId, true),
                ("OPTIONAL", _) => new SkillRequirement(skillId, false),
                ("", "HIGH") => new SkillRequirement(skillId, true, 5),
                ("", "MEDIUM") => new SkillRequirement(skillId, false, 3),
                ("", "LOW") => new SkillRequirement(skillId, false, 1),
                _ => null,
            };
            if (requirement is null)
            {
                problems.Add(new ImportProblem("occupation_to_skill_relations.csv", line, $"unknown RELATIONTYPE '{get("RELATIONTYPE")}' (expected essential or optional, or a signalling value high/medium/low)"));
                return;
            }

            if (!occupation.SkillIds.Add(skillId))
            {
                problems.Add(new ImportProblem("occupation_to_skill_relations.csv", line, $"duplicate relation {occupationId} -> {skillId}"));
                return;
            }

            occupation.Requirements.Add(requirement);
            relations++;
        });

        ReadFile("skill_hierarchy.csv", false, ["PARENTOBJECTTYPE", "PARENTID", "CHILDID", "CHILDOBJECTTYPE"], (line, get) =>
        {
            var parentType = get("PARENTOBJECTTYPE").Trim();
            var childType = get("CHILDOBJECTTYPE").Trim();
            var parent = get("PARENTID").Trim();
            var child = get("CHILDID").Trim();
            if (!string.Equals(childType, "skill", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            if (!skills.TryGetValue(child, out var childSkill))
            {
                problems.Add(new ImportProblem("skill_hierarchy.csv", line, $"unknown child skill {child}"));
            }
            else if (string.Equals(parentType, "skill", StringComparison.OrdinalIgnoreCase))
            {
                if (!skills.TryGetValue(parent, out var parentSkill))
                {
                    problems.Add(new ImportProblem("skill_hierarchy.csv", line, $"unknown parent skill {parent}"));
                }
                else
                {
                    childSkill.Broader.Add(parent);
                    parentSkill.Narrower.Add(child);
                }
            }
            else if (skillGroups.Count > 0 && !skillGroups.ContainsKey(parent))
            {
                problems.Add(new ImportProblem("skill_hierarchy.csv", line, $"unknown skill group {parent}"));
            }
            else
            {
                childSkill.Groups.Add(parent);
            }
        });

        ReadFile("skill_to_skill_relations.csv", false, ["REQUIRINGID", "REQUIREDID"], (line, get) =>
        {
            var a = get("REQUIRINGID").Trim();
            var b = get("REQUIREDID").Trim();
            if (!skills.TryGetValue(a, out var left) || !skills.TryGetValue(b, out var right))
            {
                problems.Add(new ImportProblem("skill_to_skill_relations.csv", line, $"unknown skill in relation {a} -> {b}"));
                return;
            }

            left.Related.Add(b);
            right.Related.Add(a);
        });

        ReadFile("occupation_hierarchy.csv", false, ["PARENTID", "CHILDID"], (line, get) =>
        {
            var parent = get("PARENTID").Trim();
            var child = get("CHILDID").Trim();
            if (!occupations.TryGetValue(child, out var occupation))
            {
                if (!occupationGroups.Contains(child))
                {
                    problems.Add(new ImportProblem("occupation_hierarchy.csv", line, $"unknown child {child}"));
                }

                return;
            }

            if (!occupations.ContainsKey(parent) && !occupationGroups.Contains(parent))
            {
                problems.Add(new ImportProblem("occupation_hierarchy.csv", line, $"unknown parent {parent}"));
                return;
            }

            occupation.Broader.Add(parent);
        });

        if (problems.Count > 0)
        {
            return new TaxonomyImportResult(null, problems, skills.Count, occupations.Count, relations);
        }

        var taxonomy = new SkillTaxonomy(skills.Values.Select(s => s.ToSkill()), occupations.Values.Select(o => o.ToOccupation()), skillGroups);
        return new TaxonomyImportResult(taxonomy, [], skills.Count, occupations.Count, relations);
    }

    private static string Uri(string uri, string kind, string id) => uri.Trim() is { Length: > 0 } u ? u : $"urn:esco:{kind}:{id}";

    private static List<string> SplitLabels(string labels, string preferred) =>
        [.. labels.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !string.Equals(l, preferred, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];

    private sealed record SkillDraft(string Id, string Uri, string Label, List<string> AltLabels, string Type, string ReuseLevel)
    {
        public List<string> Broader { get; } = [];

        public List<string> Narrower { get; } = [];

        public HashSet<string> Related { get; } = new(StringComparer.Ordinal);

        public List<string> Groups { get; } = [];

        public Skill ToSkill() => new(Id, Uri, Label)
        {
            AltLabels = AltLabels,
            SkillType = Type,
            ReuseLevel = ReuseLevel,
            Broader = Broader,
            Narrower = Narrower,
            Related = [.. Related.Order(StringComparer.Ordinal)],
            Groups = Groups,
        };
    }

    private sealed record OccupationDraft(string Id, string Uri, string Label, string Code, List<string> AltLabels)
    {
        public List<SkillRequirement> Requirements { get; } = [];

        public HashSet<string> SkillIds { get; } = new(StringComparer.Ordinal);

        public List<string> Broader { get; } = [];

        public Occupation ToOccupation() => new(Id, Uri, Label)
        {
            Code = Code.Length > 0 ? Code : null,
            AltLabels = AltLabels,
            Broader = Broader,
            Requirements = Requirements,
        };
    }
}
