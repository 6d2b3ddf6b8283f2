using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Tests.Taxonomies;

public sealed class EscoImporterTests
{
    private const string SkillsHeader = "\"ORIGINURI\",\"ID\",\"UUIDHISTORY\",\"SKILLTYPE\",\"REUSELEVEL\",\"PREFERREDLABEL\",\"ALTLABELS\",\"DESCRIPTION\",\"DEFINITION\",\"SCOPENOTE\",ISLOCALIZED\n";
    private const string OccupationsHeader = "\"ORIGINURI\",\"ID\",\"UUIDHISTORY\",\"OCCUPATIONGROUPCODE\",\"CODE\",\"PREFERREDLABEL\",\"ALTLABELS\",\"DESCRIPTION\",\"DEFINITION\",\"SCOPENOTE\",\"REGULATEDPROFESSIONNOTE\",\"OCCUPATIONTYPE\",\"ISLOCALIZED\"\n";
    private const string RelationsHeader = "\"OCCUPATIONTYPE\",\"OCCUPATIONID\",\"RELATIONTYPE\",\"SKILLID\",\"SIGNALLINGVALUELABEL\",\"SIGNALLINGVALUE\"\n";

    [SkillsDataFact("esco-sample")]
    public void Importing_the_ESCO_sample_gives_1000_skills_3015_occupations_and_8679_relations()
    {
        var result = EscoImporter.Import(SkillsData.PathOf("esco-sample"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var taxonomy = result.Taxonomy!;
        Assert.Equal(1000, taxonomy.Skills.Count);
        Assert.Equal(3015, taxonomy.Occupations.Count);
        Assert.Equal(8679, taxonomy.RelationCount);
        var technicalDirector = taxonomy.Occupations["key_20422"];
        Assert.Equal("technical director", technicalDirector.PreferredLabel);
        Assert.Contains("head of technical", technicalDirector.AltLabels);
        Assert.Contains(technicalDirector.Requirements, r => r.SkillId == "key_19687" && r.MustHave);
        Assert.Contains(taxonomy.Skills.Values, s => s.Broader.Count > 0);
        Assert.Contains(taxonomy.Skills.Values, s => s.Related.Count > 0);
        Assert.Equal("key_19422", taxonomy.FindSkill("http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab")?.Id);
    }

    [Fact]
    public void A_quoted_field_with_line_breaks_and_doubled_quotes_is_one_field()
    {
        var files = Minimal(skills: SkillsHeader + "\"u:1\",\"s1\",\"\",\"knowledge\",\"transversal\",\"say \"\"hi\"\"\",\"greet\nhello\",\"\",\"\",\"\",\"false\"\n");

        var result = EscoImporter.Import(files.Open);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var skill = result.Taxonomy!.Skills["s1"];
        Assert.Equal("say \"hi\"", skill.PreferredLabel);
        Assert.Equal(["greet", "hello"], skill.AltLabels);
    }

    [Fact]
    public void A_malformed_file_reports_line_numbers_and_leaves_the_previous_taxonomy_untouched()
    {
        var store = new TaxonomyStore();
        store.Apply(EscoImporter.Import(Minimal().Open));
        var previous = store.Current;
        Assert.Single(previous.Skills);

        var bad = Minimal(
            skills: SkillsHeader + "\"u:1\",\"s1\",\"\",\"knowledge\",\"\",\"one\",\"\",\"\",\"\",\"\",\"false\"\n\"u:2\",\"s2\",\"\",\"knowledge\",\"\",\"two\nlines\"\n\"u:3\",\"s3\",\"\",\"knowledge\",\"\",\"three\",\"\",\"\",\"\",\"\",\"false\"\n",
            relations: RelationsHeader + "\"escooccupation\",\"o1\",\"essential\",\"s1\",\"\",\"\"\n\"escooccupation\",\"o1\",\"sometimes\",\"s3\",\"\",\"\"\n\"escooccupation\",\"o1\",\"essential\",\"nope\",\"\",\"\"\n");

        var result = store.Apply(EscoImporter.Import(bad.Open));

        Assert.False(result.Succeeded);
        Assert.Same(previous, store.Current);
        Assert.Contains(result.Problems, p => p.File == "skills.csv" && p.Line == 3 && p.Message.Contains("expected 11 fields", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.File == "occupation_to_skill_relations.csv" && p.Line == 3 && p.Message.Contains("RELATIONTYPE", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.File == "occupation_to_skill_relations.csv" && p.Line == 4 && p.Message.Contains("unknown skill nope", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_required_file_or_column_is_reported_not_thrown()
    {
        var noRelations = new InMemoryFiles { ["skills.csv"] = SkillsHeader, ["occupations.csv"] = OccupationsHeader };
        var result = EscoImporter.Import(noRelations.Open);
        Assert.Contains(result.Problems, p => p.File == "occupation_to_skill_relations.csv" && p.Message.Contains("missing", StringComparison.Ordinal));

        var badHeader = Minimal(skills: "\"ID\",\"LABEL\"\n\"s1\",\"x\"\n");
        var second = EscoImporter.Import(badHeader.Open);
        Assert.Contains(second.Problems, p => p.File == "skills.csv" && p.Line == 1 && p.Message.Contains("PREFERREDLABEL", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unterminated_quote_is_reported()
    {
        var result = EscoImporter.Import(Minimal(skills: SkillsHeader + "\"u:1\",\"s1\",\"\",\"knowledge\",\"\",\"one\",\"open\n").Open);
        Assert.Contains(result.Problems, p => p.Message.Contains("unterminated quoted field starting on line 2", StringComparison.Ordinal));
    }

    private static InMemoryFiles Minimal(string? skills = null, string? relations = null) => new()
    {
        ["skills.csv"] = skills ?? SkillsHeader + "\"u:1\",\"s1\",\"\",\"knowledge\",\"\",\"one\",\"\",\"\",\"\",\"\",\"false\"\n",
        ["occupations.csv"] = OccupationsHeader + "\"u:o1\",\"o1\",\"\",\"1\",\"1.1\",\"first job\",\"\",\"\",\"\",\"\",\"\",\"escooccupation\",\"false\"\n",
        ["occupation_to_skill_relations.csv"] = relations ?? RelationsHeader + "\"escooccupation\",\"o1\",\"essential\",\"s1\",\"\",\"\"\n",
    };
}
