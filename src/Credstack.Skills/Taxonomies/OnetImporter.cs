// O*NET database text files (O*NET 29/30, "Text" download): tab-separated with a header row.
// Occupation Data.txt (O*NET-SOC Code, Title, Description); Skills.txt and Knowledge.txt
// (O*NET-SOC Code, Element ID, Element Name, Scale ID, Data Value, ..., Not Relevant, ...) where
// Scale ID IM is importance 1–5 and LV is level 0–7; Technology Skills.txt (O*NET-SOC Code,
// Example, Commodity Code, Commodity Title, Hot Technology, ...); Alternate Titles.txt
// (O*NET-SOC Code, Alternate Title, ...).
// Deviation: O*NET has no essential/optional flag; an element with importance >= 3.5 (the
// "important" band of the IM scale) becomes a must-have, technologies are nice-to-haves.
using System.Globalization;
using System.Text;

namespace Credstack.Skills.Taxonomies;

/// <summary>Imports O*NET text files into a <see cref="SkillTaxonomy"/>, streaming, all-or-nothing.</summary>
public static class OnetImporter
{
    private const double MustHaveImportance = 3.5;

    /// <summary>Imports the O*NET text files in a folder.</summary>
    public static TaxonomyImportResult Import(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return new TaxonomyImportResult(null, [new ImportProblem(directory, 0, "the folder does not exist")], 0, 0, 0);
        }

        return Import(name => File.Exists(Path.Combine(directory, name)) ? new StreamReader(Path.Combine(directory, name), Encoding.UTF8) : null, cancellationToken);
    }

    /// <summary>Imports O*NET text files opened by name (returns null for a missing file).</summary>
    public static TaxonomyImportResult Import(Func<string, TextReader?> open, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        var problems = new List<ImportProblem>();
        var occupations = new Dictionary<string, (string Title, List<string> Alt)>(StringComparer.Ordinal);
        var skills = new Dictionary<string, (string Name, string Domain, string? Code, List<string> Examples)>(StringComparer.Ordinal);
        var ratings = new Dictionary<(string Occupation, string Skill), (double? Importance, double? Level)>();
        var technology = new Dictionary<(string Occupation, string Skill), bool>();

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

            ReadTsv(name, reader, columns, problems, row, cancellationToken);
            return true;
        }

        ReadFile("Occupation Data.txt", true, ["O*NET-SOC Code", "Title"], (line, get) =>
        {
            var code = get("O*NET-SOC Code").Trim();
            var title = get("Title").Trim();
            if (code.Length == 0 || title.Length == 0)
            {
                problems.Add(new ImportProblem("Occupation Data.txt", line, "an occupation needs an O*NET-SOC Code and a Title"));
            }
            else if (!occupations.TryAdd(code, (title, [])))
            {
                problems.Add(new ImportProblem("Occupation Data.txt", line, $"duplicate O*NET-SOC Code {code}"));
            }
        });

        foreach (var (file, domain) in new[] { ("Skills.txt", "skill"), ("Knowledge.txt", "knowledge") })
        {
            ReadFile(file, false, ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value"], (line, get) =>
            {
                var code = get("O*NET-SOC Code").Trim();
                var element = get("Element ID").Trim();
                var scale = get("Scale ID").Trim();
                if (!occupations.ContainsKey(code))
                {
                    problems.Add(new ImportProblem(file, line, $"unknown O*NET-SOC Code {code}"));
                    return;
                }

                if (element.Length == 0)
                {
                    problems.Add(new ImportProblem(file, line, "empty Element ID"));
                    return;
                }

                if (!double.TryParse(get("Data Value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    problems.Add(new ImportProblem(file, line, $"Data Value '{get("Data Value")}' is not a number"));
                    return;
                }

                var valid = scale switch
                {
                    "IM" => value is >= 1 and <= 5,
                    "LV" => value is >= 0 and <= 7,
                    _ => false,
                };
                if (!valid)
                {
                    problems.Add(new ImportProblem(file, line, $"Scale ID '{scale}' with Data Value {value.ToString(CultureInfo.InvariantCulture)} is outside IM 1–5 / LV 0–7"));
                    return;
                }

                skills.TryAdd(element, (get("Element Name").Trim(), domain, element, []));
                if (string.Equals(get("Not Relevant").Trim(), "Y", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                ratings.TryGetValue((code, element), out var rating);
                ratings[(code, element)] = scale == "IM" ? (value, rating.Level) : (rating.Importance, value);
            });
        }

        ReadFile("Technology Skills.txt", false, ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title"], (line, get) =>
        {
            var code = get("O*NET-SOC Code").Trim();
            var commodity = get("Commodity Code").Trim();
            if (!occupations.ContainsKey(code))
            {
                problems.Add(new ImportProblem("Technology Skills.txt", line, $"unknown O*NET-SOC Code {code}"));
                return;
            }

            if (commodity.Length == 0)
            {
                problems.Add(new ImportProblem("Technology Skills.txt", line, "empty Commodity Code"));
                return;
            }

            var id = "tech:" + commodity;
            if (!skills.TryGetValue(id, out var skill))
            {
                skill = (get("Commodity Title").Trim(), "technology", commodity, []);
                skills[id] = skill;
            }

            var example = get("Example").Trim();
            if (example.Length > 0 && !skill.Examples.Contains(example, StringComparer.Ordinal))
            {
                skill.Examples.Add(example);
            }

            technology[(code, id)] = technology.GetValueOrDefault((code, id)) || string.Equals(get("Hot Technology").Trim(), "Y", StringComparison.OrdinalIgnoreCase);
        });

        ReadFile("Alternate Titles.txt", false, ["O*NET-SOC Code", "Alternate Title"], (line, get) =>
        {
            var code = get("O*NET-SOC Code").Trim();
            if (!occupations.TryGetValue(code, out var occupation))
            {
                problems.Add(new ImportProblem("Alternate Titles.txt", line, $"unknown O*NET-SOC Code {code}"));
                return;
            }

            var title = get("Alternate Title").Trim();
            if (title.Length > 0 && !occupation.Alt.Contains(title, StringComparer.Ordinal))
            {
                occupation.Alt.Add(title);
            }
        });

        var relations = ratings.Count + technology.Count;
        if (problems.Count > 0)
        {
            return new TaxonomyImportResult(null, problems, skills.Count, occupations.Count, relations);
        }

        var requirements = new Dictionary<string, List<SkillRequirement>>(StringComparer.Ordinal);
        foreach (var ((occupation, skill), (importance, level)) in ratings.OrderBy(r => r.Key.Occupation, StringComparer.Ordinal).ThenBy(r => r.Key.Skill, StringComparer.Ordinal))
        {
            var list = requirements.TryGetValue(occupation, out var l) ? l : requirements[occupation] = [];
            list.Add(new SkillRequirement(skill, importance >= MustHaveImportance, importance is { } i ? (int)Math.Round(i) : null, level is { } v ? (int)Math.Round(v) : null));
        }

        foreach (var ((occupation, skill), _) in technology.OrderBy(r => r.Key.Occupation, StringComparer.Ordinal).ThenBy(r => r.Key.Skill, StringComparer.Ordinal))
        {
            var list = requirements.TryGetValue(occupation, out var l) ? l : requirements[occupation] = [];
            list.Add(new SkillRequirement(skill, false));
        }

        var taxonomy = new SkillTaxonomy(
            skills.Select(s => new Skill(s.Key, "https://www.onetonline.org/find/descriptor/result/" + s.Key, s.Value.Name) { SkillType = s.Value.Domain, Code = s.Value.Code, AltLabels = s.Value.Examples }),
            occupations.Select(o => new Occupation(o.Key, "https://www.onetonline.org/link/summary/" + o.Key, o.Value.Title) { Code = o.Key, AltLabels = o.Value.Alt, Requirements = requirements.TryGetValue(o.Key, out var r) ? r : [] }));
        return new TaxonomyImportResult(taxonomy, [], skills.Count, occupations.Count, relations);
    }

    private static void ReadTsv(string file, TextReader reader, string[] requiredColumns, List<ImportProblem> problems, Action<long, Func<string, string>> row, CancellationToken cancellationToken)
    {
        var header = reader.ReadLine();
        if (header is null)
        {
            problems.Add(new ImportProblem(file, 1, "the file is empty (a header row is required)"));
            return;
        }

        var names = header.TrimStart('\uFEFF').Split('\t');
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            columns.TryAdd(names[i].Trim(), i);
        }

        var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ImportProblem(file, 1, "missing column(s) " + string.Join(", ", missing)));
            return;
        }

        long line = 1;
        string[] fields = [];
        string Get(string column) => columns.TryGetValue(column, out var index) && index < fields.Length ? fields[index] : "";
        while (reader.ReadLine() is { } text)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            fields = text.Split('\t');
            if (fields.Length != names.Length)
            {
                problems.Add(new ImportProblem(file, line, $"expected {names.Length} tab-separated fields, found {fields.Length}"));
                continue;
            }

            row(line, Get);
        }
    }
}
