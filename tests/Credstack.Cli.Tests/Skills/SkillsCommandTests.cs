using System.Text.Json;

namespace Credstack.Cli.Tests.Skills;

public sealed class SkillsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("credstack-skills-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Esco => SkillsData.PathOf("esco-sample");

    [SkillsDataFact("esco-sample")]
    public async Task Import_esco_reports_the_counts_of_the_sample()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(null, "skills", "import", "esco", Esco, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(1000, json.RootElement.GetProperty("skills").GetInt32());
        Assert.Equal(3015, json.RootElement.GetProperty("occupations").GetInt32());
        Assert.Equal(8679, json.RootElement.GetProperty("relations").GetInt32());
    }

    [Fact]
    public async Task Import_of_a_malformed_folder_lists_problems_with_lines_and_exits_with_invalid_input()
    {
        Write("skills.csv", "\"ID\",\"ORIGINURI\",\"PREFERREDLABEL\",\"ALTLABELS\",\"SKILLTYPE\",\"REUSELEVEL\"\n\"s1\",\"u\",\"one\",\"\",\"knowledge\"\n");
        Write("occupations.csv", "\"ID\",\"ORIGINURI\",\"CODE\",\"PREFERREDLABEL\",\"ALTLABELS\"\n");
        Write("occupation_to_skill_relations.csv", "\"OCCUPATIONID\",\"RELATIONTYPE\",\"SKILLID\"\n");

        var (exit, _, stderr) = await CliRunner.RunAsync(null, "skills", "import", "esco", _dir);

        Assert.Equal(3, exit);
        Assert.Contains("skills.csv:2: expected 6 fields, found 5", stderr, StringComparison.Ordinal);
    }

    [SkillsDataFact("esco-sample")]
    public async Task Find_resolves_an_alternative_label_to_its_skill()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(null, "skills", "find", "coordinate duties of musical staff", "--taxonomy", Esco, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("key_19422", json.RootElement[0].GetProperty("conceptId").GetString());
    }

    [SkillsDataFact("esco-sample")]
    public async Task Gap_path_and_match_chain_through_their_JSON()
    {
        var profile = Write("profile.json", """
            { "personId": "ada", "evidence": [
              { "source": "verifiedCredential", "skillRef": "key_19687", "credentialId": "urn:cred:1", "issuer": "Acme", "level": 4 },
              { "source": "selfDeclared", "skillRef": "no-such-skill" } ] }
            """);
        var (gapExit, gapJson, gapErr) = await CliRunner.RunAsync(null, "skills", "gap", "--taxonomy", Esco, "--profile", profile, "--target", "key_21588", "--json");
        Assert.Equal(0, gapExit);
        Assert.Contains("unknown skill", gapErr, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(gapJson))
        {
            var requirements = json.RootElement.GetProperty("requirements").EnumerateArray().ToList();
            Assert.Contains(requirements, r => r.GetProperty("skillId").GetString() == "key_19687" && r.GetProperty("status").GetString() == "met");
            var sum = requirements.Sum(r => r.GetProperty("contribution").GetDouble());
            Assert.Equal(json.RootElement.GetProperty("readiness").GetDouble(), sum, 9);
        }

        var gapFile = Write("gap.json", gapJson);
        using var gapDoc = JsonDocument.Parse(gapJson);
        var missing = gapDoc.RootElement.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("skillId").GetString()!).ToList();
        var catalog = Write("catalog.json", JsonSerializer.Serialize(new
        {
            credentials = missing.Select((s, i) => new { id = "c" + i, title = "Course " + i, price = 100 + i, hours = 20, teaches = new[] { new { skillId = s, level = 7 } } }).ToList(),
        }));
        var (pathExit, pathOut, pathErr) = await CliRunner.RunAsync(null, "skills", "path", "--gap", gapFile, "--catalog", catalog);
        Assert.True(pathExit == 0, pathErr);
        Assert.Contains($"{missing.Count} credential(s)", pathOut, StringComparison.Ordinal);

        var job = Write("job.json", """{ "id": "job-1", "title": "technical director", "occupationId": "key_20422", "requirements": [ { "skillId": "key_19687", "mustHave": true }, { "skillId": "key_20016", "mustHave": true } ] }""");
        var people = Write("people.json", "[" + File.ReadAllText(profile) + """, { "personId": "bob", "evidence": [ { "source": "selfDeclared", "skillRef": "key_20016" } ] } ]""");
        var (matchExit, matchOut, _) = await CliRunner.RunAsync(null, "skills", "match", "--taxonomy", Esco, "--job", job, "--people", people, "--catalog", catalog, "--json");
        Assert.Equal(0, matchExit);
        using var match = JsonDocument.Parse(matchOut);
        var first = match.RootElement[0];
        Assert.Equal("ada", first.GetProperty("id").GetString());
        var features = first.GetProperty("explanation").GetProperty("features").EnumerateArray().Sum(f => f.GetProperty("contribution").GetDouble());
        Assert.Equal(first.GetProperty("score").GetDouble(), features, 9);

        var jobs = Write("jobs.json", "[" + File.ReadAllText(job) + "]");
        var (personExit, personOut, _) = await CliRunner.RunAsync(null, "skills", "match", "--taxonomy", Esco, "--person", profile, "--jobs", jobs);
        Assert.Equal(0, personExit);
        Assert.Contains("job-1", personOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_with_an_untaught_skill_says_why_it_is_infeasible()
    {
        var gap = Write("gap.json", """{ "skills": [ { "skillId": "quantum" } ] }""");
        var catalog = Write("catalog.json", """{ "credentials": [ { "id": "c1", "title": "x", "price": 1, "hours": 1, "teaches": [ { "skillId": "a", "level": 3 } ], "prerequisites": { "kind": "credential", "credentialId": "c1" } } ] }""");

        var (exit, _, stderr) = await CliRunner.RunAsync(null, "skills", "path", "--gap", gap, "--catalog", catalog);

        Assert.Equal(4, exit);
        Assert.Contains("no credential in the catalogue teaches quantum", stderr, StringComparison.Ordinal);
        Assert.Contains("cycle", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_with_invalid_JSON_is_invalid_input_not_a_crash()
    {
        var gap = Write("gap.json", "{ not json");
        var catalog = Write("catalog.json", "{}");
        var (exit, _, stderr) = await CliRunner.RunAsync(null, "skills", "path", "--gap", gap, "--catalog", catalog);
        Assert.Equal(3, exit);
        Assert.Contains("invalid JSON", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_prints_the_metrics_json_for_a_small_seeded_world()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(null, "skills", "bench", "--seed", "7", "--people", "1000", "--jobs", "50", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        foreach (var (section, metric) in new[] { ("jobToCandidates", "ndcgAt10"), ("jobToCandidates", "recallAt100"), ("personToJobs", "ndcgAt10"), ("gap", "f1"), ("pathways", "feasibleShare"), ("pathways", "meanGap"), ("pathways", "p95Gap"), ("explanations", "maxError") })
        {
            Assert.Equal(JsonValueKind.Number, root.GetProperty(section).GetProperty(metric).ValueKind);
        }

        Assert.InRange(root.GetProperty("baselines").GetProperty("jaccard").GetProperty("ndcgAt10").GetDouble(), 0, 1);
        Assert.True(root.GetProperty("explanations").GetProperty("maxError").GetDouble() <= 1e-9);
    }
}
